// Saves seeded expert scores (scores.ts) for a panel through the scoring service, as the experts
// would: one save per expert over every risk of the assessment's register (demo, benches).
import type { Db } from '../db/client.js';
import { getRegister, saveScores } from '../modules/scoring/scoring.service.js';
import type { Actor } from '../shared/context.js';
import { syntheticScores } from './scores.js';

export async function saveSyntheticScores(
  db: Db,
  seed: string,
  experts: readonly Actor[],
  assessment: { id: string; riskRegisterVersion: string },
): Promise<void> {
  const register = getRegister(assessment.riskRegisterVersion);
  const scores = syntheticScores(
    seed,
    register.risks.map((r) => r.code),
    experts.map((e) => e.user.id),
  );
  for (const e of experts)
    await saveScores(db, e, assessment.id, {
      scores: scores
        .filter((x) => x.expertId === e.user.id)
        .map(({ riskCode, likelihood, impact }) => ({ riskCode, likelihood, impact })),
    });
}
