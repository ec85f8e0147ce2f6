/**
 * One shared copy of each distinct string. Rows read from the database carry a fresh string per
 * value, and half a million facts repeat a few thousand organisation ids, item ids and codes: shared,
 * a fact costs its object, not eight strings.
 */
export function stringPool(): <T extends string | null>(s: T) => T {
  const pool = new Map<string, string>();
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = pool.get(s);
    if (known !== undefined) return known as T;
    pool.set(s, s);
    return s;
  };
}
