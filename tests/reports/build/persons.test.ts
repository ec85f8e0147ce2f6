// No person counted twice: a figure of the report may draw on the person counts of one
// subject type only. The test multiplies one subject type's person counts at a time and
// records which cells of every table and chart move; a cell moved by two subject types
// adds persons across subjects.
import { describe, expect, it } from 'vitest';
import { getVersion } from '../../../src/domain/questionnaire/loader.js';
import { buildReportViewModel } from '../../../src/reports/build/build.js';
import type { AssessmentInput } from '../../../src/reports/build/inputs.js';
import { isPersonItem } from '../../../src/reports/build/persons.js';
import {
  type Chart,
  isSuppressed,
  type ReportTable,
  type ReportViewModel,
} from '../../../src/reports/report.view-model.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

/**
 * Every number shown in any table or chart anywhere in the view model (description, chapter 2,
 * recommendations, profiles, annexes, and whatever is added later), keyed by where it is: the
 * model is walked generically, so a new table cannot escape the test.
 */
function numericCells(vm: ReportViewModel): Map<string, number> {
  const out = new Map<string, number>();
  const table = (where: string, t: ReportTable) =>
    t.rows.forEach((row, r) =>
      row.forEach(
        (c, i) =>
          typeof c === 'number' &&
          !isSuppressed(c) &&
          out.set(`${where}/${t.id}[${String(row[0])}#${r}][${t.columns[i]?.key}]`, c),
      ),
    );
  const chart = (where: string, ch: Chart) => {
    if (ch.kind === 'bar') ch.bars.forEach((b) => out.set(`${where}/${ch.id}[${b.label}]`, b.value));
    else
      ch.series.forEach((se) =>
        se.values.forEach((v, i) => v !== null && out.set(`${where}/${ch.id}[${se.label}][${i}]`, v)),
      );
  };
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}.${i}`));
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.rows) && Array.isArray(o.columns)) return table(where, o as unknown as ReportTable);
    if ((o.kind === 'bar' && Array.isArray(o.bars)) || (o.kind === 'line' && Array.isArray(o.series)))
      return chart(where, o as unknown as Chart);
    for (const [k, v] of Object.entries(o)) if (k !== 'cellRelations' && k !== 'meta') walk(v, `${where}.${k}`);
  };
  walk(vm, 'vm');
  return out;
}

const scaled = (input: AssessmentInput, agencyType: string): AssessmentInput => ({
  ...input,
  facts: input.facts.map((f) =>
    f.agencyType === agencyType && f.value !== null && isPersonItem(f.itemId) ? { ...f, value: f.value * 3 } : f,
  ),
});

describe('person counts in the report', () => {
  it('are never added across subject types in any table or chart', () => {
    const input = syntheticAssessmentInput({ seed: 17, regions: ['almaty', 'astana', 'abai', 'zhambyl'] });
    const base = numericCells(buildReportViewModel(input, 'ru', { publish: false }));
    const subjects = [
      ...new Set(input.facts.filter((f) => isPersonItem(f.itemId) && f.value).map((f) => f.agencyType)),
    ].sort();
    expect(subjects.length).toBeGreaterThanOrEqual(8);
    const movedBy = new Map<string, string[]>();
    for (const s of subjects) {
      const cells = numericCells(buildReportViewModel(scaled(input, s), 'ru', { publish: false }));
      for (const [k, v] of base) if (cells.get(k) !== v) movedBy.set(k, [...(movedBy.get(k) ?? []), s]);
    }
    // The test can see person counts at all: some cells follow one subject's counts.
    expect([...movedBy.values()].some((by) => by.length === 1)).toBe(true);
    const summed = [...movedBy].filter(([, by]) => by.length > 1).map(([k, by]) => `${k} <- ${by.join('+')}`);
    expect(summed).toEqual([]);
  }, 120_000);

  it('are recognised for every victim, minor and person item of the questionnaire', () => {
    const ids = [...getVersion('2024-10-order-849-410').items.keys()];
    for (const id of ids.filter((i) => /\.(victims|minors|persons)_/.test(i) || i.endsWith('.referring_subjects')))
      expect(isPersonItem(id), id).toBe(true);
    for (const id of [
      's2.q1.crimes_registered',
      's2.q2.channels_total',
      's12.q1.sites_blocked_total',
      's12.q4.resources_by_subject',
    ])
      expect(isPersonItem(id), id).toBe(false);
  });
});
