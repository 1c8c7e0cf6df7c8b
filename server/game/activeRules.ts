/** The rules the server runs with. TEMPORARY: the shim until shared/puzzles exports applyMove & co. */
export { shimRules as defaultRules } from './shimRules.ts';
