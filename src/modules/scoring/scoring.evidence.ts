// Evidence per risk and per region for one assessment: reads the facts of the items the
// register links, in a canonical order (so the input hash is the same on every run), and
// hands them to the pure pipeline (src/pipeline/risk-evidence.ts), which does not depend
// on row order.
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import {
  computeRegionEvidence,
  computeRiskEvidence,
  FactIndex,
  type FactItemKind,
  type EvidenceFact,
  type RegionEvidence,
  type RiskEvidence,
} from '../../pipeline/risk-evidence.js';
import { getVersion } from '../../domain/questionnaire/loader.js';
import { territorialRegionCodes } from '../../domain/reference.js';
import { loadFacts } from './scoring.repository.js';
import type { RiskRegister } from '../../domain/risk-register.js';

export interface AssessmentEvidence {
  risks: RiskEvidence[];
  regions: RegionEvidence[];
  /** sha256 over the canonical fact rows read. */
  factsHash: string;
  factCount: number;
}

/** Every item id the register links (risks and region indicators), sorted. */
export function registerItemIds(register: RiskRegister): string[] {
  const ids = new Set<string>();
  for (const r of register.risks) for (const i of r.items) ids.add(i);
  for (const r of register.regionIndicators) for (const i of r.items) ids.add(i);
  return [...ids].sort();
}

export function itemKindsOf(register: RiskRegister): Map<string, FactItemKind> {
  const q = getVersion(register.questionnaireVersion);
  return new Map(registerItemIds(register).map((id) => [id, q.items.get(id)!.item.kind]));
}

export function hashFacts(rows: readonly EvidenceFact[]): string {
  const h = createHash('sha256');
  // Batched updates: one hash call per row dominates at national scale.
  for (let i = 0; i < rows.length; i += 1000) {
    let chunk = '';
    for (const r of rows.slice(i, i + 1000))
      chunk += `${JSON.stringify([r.itemId, r.organisationId, r.year, r.region, r.dimension, r.category, r.value, r.textValue, r.missingReason])}\n`;
    h.update(chunk);
  }
  return h.digest('hex');
}

/** Pure part, usable from the bench: evidence from already-loaded facts (any order). */
export function evidenceFromFacts(
  register: RiskRegister,
  rows: readonly EvidenceFact[],
  endYear: number,
): Omit<AssessmentEvidence, 'factsHash' | 'factCount'> {
  const options = { itemKinds: itemKindsOf(register), regions: territorialRegionCodes, endYear, window: 3 };
  const index = new FactIndex(rows, options.itemKinds);
  return {
    risks: computeRiskEvidence(index, register.risks, options),
    regions: computeRegionEvidence(index, register.regionIndicators, options),
  };
}

export async function assessmentEvidence(
  db: DbOrTx,
  assessmentId: string,
  register: RiskRegister,
  endYear: number,
): Promise<AssessmentEvidence> {
  const rows = await loadFacts(db, assessmentId, registerItemIds(register));
  return { ...evidenceFromFacts(register, rows, endYear), factsHash: hashFacts(rows), factCount: rows.length };
}
