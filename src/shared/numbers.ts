// Bounds of user numbers: far above any real figure and well inside exact double
// arithmetic, so that sums over a whole campaign stay exact (2^53 ~ 9.007e15).

/** Largest count accepted anywhere (persons, cases, documents). */
export const MAX_COUNT = 1_000_000_000_000;
/** Largest amount in KZT (two decimals stay exact below 2^53 / 100). */
export const MAX_AMOUNT = 10_000_000_000_000;
