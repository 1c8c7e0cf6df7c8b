/** Join source lines into a setup program (one statement per line, trailing newline). */
export const py = (...lines: string[]): string => `${lines.join('\n')}\n`;
