// Test fixtures for the scoring module: assessment rows and fact rows inserted directly
// (until the assessments module's POST /api/v1/assessments and structuring step exist),
// and facts derived from synthetic answers with the conventions src/pipeline/risk-evidence.ts reads.
import type { Db } from '../../../src/db/client.js';
import { assessments, facts } from '../../../src/db/schema.js';
import type { AnswerEntry } from '../../../src/domain/questionnaire/content.js';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import type { EvidenceFact } from '../../../src/pipeline/risk-evidence.js';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';

export const VERSION = '2024-10-order-849-410';
export const REGISTER = '2024-v1';

export async function insertAssessment(db: Db, values: Partial<typeof assessments.$inferInsert> = {}): Promise<string> {
  const [row] = await db
    .insert(assessments)
    .values({
      titleKk: 'Бағалау 2024-2026',
      titleRu: 'Оценка 2024-2026',
      startYear: 2024,
      endYear: 2026,
      coordinatingBody: 'mvd',
      riskRegisterVersion: REGISTER,
      ...values,
    })
    .returning({ id: assessments.id });
  return row!.id;
}

/**
 * Fact rows with the conventions of the structuring step (assessments.structuring.ts):
 * yes/no as category 'yes'/'no' with value 1/0, a breakdown's total on a plain row plus one
 * row per category; tables and entity lists are skipped (no risk reads them).
 */
export function factsFromAnswers(
  answers: Record<string, AnswerEntry>,
  org: { organisationId: string; agencyType: string; region: string; year: number },
): EvidenceFact[] {
  const form = getForm(VERSION, org.agencyType);
  const base = { year: org.year, organisationId: org.organisationId, region: org.region };
  const out: EvidenceFact[] = [];
  const row = (itemId: string, r: Partial<EvidenceFact>) =>
    out.push({
      ...base,
      itemId,
      dimension: null,
      category: null,
      value: null,
      textValue: null,
      missingReason: null,
      ...r,
    });
  for (const item of form.items) {
    const entry = answers[item.id];
    if (!entry) continue;
    if ('missingReason' in entry) {
      row(item.id, { missingReason: entry.missingReason });
      continue;
    }
    const v = entry.value;
    if (item.kind === 'yes_no') {
      const yn = v as { answer: 'yes' | 'no'; description?: string };
      row(item.id, { category: yn.answer, value: yn.answer === 'yes' ? 1 : 0, textValue: yn.description ?? null });
    } else if (item.kind === 'text') row(item.id, { textValue: v as string });
    else if (item.kind === 'count' || item.kind === 'amount') row(item.id, { value: v as number });
    else if (item.kind === 'breakdown') {
      const b = v as { total: number; byCategory: Record<string, number> };
      row(item.id, { value: b.total });
      for (const [category, n] of Object.entries(b.byCategory))
        row(item.id, { dimension: item.dimension, category, value: n });
    }
  }
  return out;
}

export function syntheticFacts(
  org: { organisationId: string; agencyType: string; region: string; year: number },
  seed: number,
): EvidenceFact[] {
  return factsFromAnswers(generateAnswersFor(VERSION, org.agencyType, { seed, missingRate: 0.1 }).answers, org);
}

export async function insertFacts(
  db: Db,
  assessmentId: string,
  rows: readonly (EvidenceFact & { agencyType: string })[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(facts).values(rows.slice(i, i + 500).map((r) => ({ ...r, assessmentId })));
  }
}
