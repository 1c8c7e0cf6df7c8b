/** HUD strip geometry, shared by the HUD scene and the Puzzle camera (which starts below it). Pure. */
export function hudHeight(width: number, clauses: number): number {
  const wide = width >= 700;
  const goalLines = Math.max(1, clauses);
  const line = width < 500 ? 20 : 22;
  // Narrow screens stack the meters under the goal; wide ones put them on the right.
  return 12 + line + goalLines * line + (wide ? 0 : line * 2) + 10;
}
