// Seeded expert scores for the demo and the bench: each risk has a "true" likelihood
// and impact; each expert agrees with it or is one step off, so the panel mostly
// reaches consensus and Kendall's W is high but not 1. Each expert's deviations are
// seeded by the expert's position in the panel, never by a database id, so the same seed
// gives the same scores and ranking on any database.
import { createRng } from './random.js';

export interface SyntheticScore {
  riskCode: string;
  expertId: string;
  likelihood: number;
  impact: number;
}

const clamp = (n: number) => Math.min(5, Math.max(1, n));

export function syntheticScores(
  seed: string,
  riskCodes: readonly string[],
  expertIds: readonly string[],
): SyntheticScore[] {
  const out: SyntheticScore[] = [];
  for (const riskCode of riskCodes) {
    const truth = createRng(`${seed}/risk/${riskCode}`);
    const [l, i] = [truth.int(1, 5), truth.int(1, 5)];
    for (const [n, expertId] of expertIds.entries()) {
      const r = createRng(`${seed}/score/${riskCode}/expert-${n + 1}`);
      const off = () => (r.chance(0.3) ? (r.chance(0.5) ? 1 : -1) : 0);
      out.push({ riskCode, expertId, likelihood: clamp(l + off()), impact: clamp(i + off()) });
    }
  }
  return out;
}
