// The structuring normaliser (pure): one fact per value, category, cell, entry or
// missing answer, in a canonical order independent of the input's order.
import { describe, expect, it } from 'vitest';
import { getForm } from '../../src/domain/questionnaire/forms.js';
import { getVersion } from '../../src/domain/questionnaire/loader.js';
import type { SubmissionContent } from '../../src/domain/questionnaire/content.js';
import { headingOf, headings } from '../../src/modules/assessments/assessments.headings.js';
import { structure } from '../../src/pipeline/structuring.js';
import { factsToCsv, toExportFact } from '../../src/reports/arrow.js';
import { conclusionKeys } from '../../src/reports/report.view-model.js';
import { generateNationalDataset, NATIONAL_VERSION } from '../../src/synthetic/national.js';

const data = generateNationalDataset({ seed: 'structuring-test', regions: ['almaty', 'astana'], scale: 0.5 });

describe('structuring', () => {
  const { facts, summary } = structure(data);

  it('normalises every answered or explained item of every submission', () => {
    expect(summary.submissions).toBe(data.submissions.length);
    expect(summary.facts).toBe(facts.length);
    for (const s of data.submissions.slice(0, 40)) {
      const answers = (s.content as SubmissionContent).answers;
      const mine = facts.filter((f) => f.organisationId === s.organisationId && f.year === s.year);
      expect(new Set(mine.map((f) => f.itemId))).toEqual(new Set(Object.keys(answers)));
      for (const [itemId, entry] of Object.entries(answers)) {
        const rows = mine.filter((f) => f.itemId === itemId);
        if ('missingReason' in entry)
          expect(rows).toEqual([expect.objectContaining({ missingReason: entry.missingReason, value: null })]);
        const item = getForm(NATIONAL_VERSION, s.agencyType).index.get(itemId)!.item;
        if (item.kind === 'breakdown' && 'value' in entry) {
          const b = entry.value as { total: number; byCategory: Record<string, number> };
          expect(rows.find((r) => r.dimension === null)!.value).toBe(b.total);
          expect(
            Object.fromEntries(rows.filter((r) => r.dimension !== null).map((r) => [r.category, r.value])),
          ).toEqual(b.byCategory);
          expect(rows.filter((r) => r.dimension !== null).every((r) => r.dimension === item.dimension)).toBe(true);
        }
        if (item.kind === 'yes_no' && 'value' in entry) {
          const v = entry.value as { answer: string; description?: string };
          expect(rows).toEqual([
            expect.objectContaining({
              category: v.answer,
              value: v.answer === 'yes' ? 1 : 0,
              textValue: v.description ?? null,
            }),
          ]);
        }
      }
    }
  });

  it('writes one fact per table cell and per entity', () => {
    expect(facts.some((f) => f.dimension === 'entity' && f.textValue)).toBe(true);
    const table = facts.filter((f) => f.itemId === 's1.q8.trainings');
    expect(table.length).toBeGreaterThan(0);
    expect(table.every((f) => f.category !== null && /^\d+$/.test(f.category))).toBe(true);
  });

  it('is independent of the order of its input and exports to CSV', () => {
    const reversed = structure({
      ...data,
      submissions: [...data.submissions].reverse(),
      organisations: [...data.organisations].reverse(),
    });
    expect(reversed.facts).toEqual(facts);
    const csv = factsToCsv(facts.slice(0, 10).map((f) => toExportFact('a', f)));
    expect(csv.split('\r\n')).toHaveLength(12);
  });

  it('marks facts of submissions not yet accepted as provisional', () => {
    const one = { ...data, submissions: [{ ...data.submissions[0]!, status: 'submitted' as const }] };
    expect(structure(one).facts.every((f) => f.provisional)).toBe(true);
    expect(facts.some((f) => f.provisional)).toBe(false);
  });
});

describe('§14 headings', () => {
  it('maps every free-text item of the questionnaire to one of the nine headings', () => {
    expect(headings.map((h) => h.code)).toEqual([...conclusionKeys]);
    const codes = new Set<string>(headings.map((h) => h.code));
    for (const [id, loc] of getVersion(NATIONAL_VERSION).items)
      if (loc.item.kind === 'text' || loc.item.kind === 'yes_no') expect(codes, id).toContain(headingOf(id));
    expect(headingOf('s2.q8.victims_total')).toBeNull();
  });
});
