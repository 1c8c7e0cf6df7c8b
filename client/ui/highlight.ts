/**
 * Python syntax colouring for the code panel, as (class, text) tokens: the DOM side builds spans
 * with textContent from these, so user text can never become HTML. Pure.
 */
export type TokenClass = 'kw' | 'str' | 'num' | 'fn' | 'comment' | 'plain';
export interface Token {
  cls: TokenClass;
  text: string;
}

const KEYWORDS = new Set([
  'and',
  'as',
  'class',
  'def',
  'del',
  'elif',
  'else',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'not',
  'or',
  'pass',
  'return',
  'while',
  'None',
  'True',
  'False',
]);

const PATTERN =
  /(#.*$)|('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)|(\b\d+\b)|([A-Za-z_]\w*)(?=\s*\()|([A-Za-z_]\w*)|(\s+|.)/gm;

export function highlightPython(source: string): Token[] {
  const tokens: Token[] = [];
  const push = (cls: TokenClass, text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last && last.cls === cls && cls === 'plain') last.text += text;
    else tokens.push({ cls, text });
  };
  for (const m of source.matchAll(PATTERN)) {
    const [text, comment, str, num, call, word] = m;
    if (comment) push('comment', text);
    else if (str) push('str', text);
    else if (num) push('num', text);
    else if (call) push(KEYWORDS.has(call) ? 'kw' : 'fn', text);
    else if (word) push(KEYWORDS.has(word) ? 'kw' : 'plain', text);
    else push('plain', text);
  }
  return tokens;
}

/** The downloadable solution: a runnable script (the level's full setup program, then the moves). */
/**
 * The downloadable program: setup, the player's moves, and prints of what the game showed —
 * what each gc.collect() returned and, at the end, the refcount of every object a name holds
 * (`sys.getrefcount` counts its own argument too, hence the − 1), so running it with CPython
 * shows the same numbers as the game's rc badges.
 */
export function solutionScript(
  header: string,
  setupProgram: string,
  moves: readonly string[],
  namedObjects: readonly string[] = [],
): string {
  const played = moves.map((m) =>
    m.trim() === 'gc.collect()' ? "print('gc.collect() returned', gc.collect())" : m,
  );
  const shown =
    namedObjects.length === 0
      ? []
      : [
          '',
          '# --- what the game showed ---',
          'import sys',
          ...namedObjects.map((n) => `print('${n}: rc', sys.getrefcount(${n}) - 1)`),
        ];
  return [header, setupProgram.trimEnd(), '', '# --- your moves ---', ...played, ...shown, ''].join(
    '\n',
  );
}
