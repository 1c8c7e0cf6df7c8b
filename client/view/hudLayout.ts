/** HUD strip geometry, shared by the HUD scene and the Puzzle camera (which starts below it). Pure. */

/** HUD text size: 16 px on phones, growing to 26 px on projectors. */
export function hudFont(width: number): number {
  return Math.round(Math.max(16, Math.min(26, width / 70)));
}

export function hudHeight(width: number, clauses: number): number {
  const wide = width >= 700;
  const line = Math.round(hudFont(width) * 1.3);
  // Narrow screens stack the meters under the goal; wide ones put them on the right.
  return 12 + line + Math.max(1, clauses) * line + (wide ? 0 : line * 2) + 10;
}
