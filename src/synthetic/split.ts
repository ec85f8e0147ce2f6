// Splitting a synthetic total over breakdown categories.
import { UNKNOWN_CATEGORY } from '../domain/questionnaire/model.js';
import type { Rng } from './random.js';

/** Splits `total` exactly over a few random categories (sometimes "unknown"). */
export function splitTotal(rng: Rng, total: number, codes: readonly string[]): Record<string, number> {
  const chosen = rng.sample(codes, rng.int(1, Math.min(4, codes.length)));
  if (chosen.length === 0 || rng.chance(0.15)) chosen.push(UNKNOWN_CATEGORY);
  const out: Record<string, number> = {};
  let left = total;
  chosen.forEach((code, i) => {
    const n = i === chosen.length - 1 ? left : rng.int(0, left);
    out[code] = n;
    left -= n;
  });
  return out;
}
