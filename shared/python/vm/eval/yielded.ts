/** Set by RETURN_GENERATOR / YIELD_VALUE: the frame suspended instead of returning. */
export const YIELDED = { flag: false };
