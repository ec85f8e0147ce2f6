import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditLinkedSet, primaryMarks, type Mark } from '../../../src/pipeline/disclosure/audit.js';
import { cellKey, linkCells, type LinkedSet } from '../../../src/pipeline/disclosure/linked.js';
import { protectLinkedSet } from '../../../src/pipeline/disclosure/protect.js';

const YEARS = ['2025', '2026', '2027'];
const T = 10;

/** Cells of a categories x years table with row, year and grand totals, like the report's count tables. */
function table(measure: string, slice: string, rows: Record<string, number[]>): { key: string; value: number }[] {
  const out: { key: string; value: number }[] = [];
  const put = (category: string, period: string, value: number) =>
    out.push({ key: cellKey({ measure, slice, category, period }), value });
  const cats = Object.entries(rows);
  for (const [c, v] of cats) {
    v.forEach((x, y) => put(c, YEARS[y], x));
    put(
      c,
      '',
      v.reduce((a, b) => a + b, 0),
    );
  }
  YEARS.forEach((y, i) =>
    put(
      '',
      y,
      cats.reduce((a, [, v]) => a + v[i], 0),
    ),
  );
  put(
    '',
    '',
    cats.reduce((a, [, v]) => a + v.reduce((s, x) => s + x, 0), 0),
  );
  return out;
}

/** Agency tables and the national table that sums them (the report's profiles and national breakdowns). */
function agenciesAndNational(measure: string, agencies: Record<string, Record<string, number[]>>) {
  const national: Record<string, number[]> = {};
  const cells = Object.entries(agencies).flatMap(([a, rows]) => {
    for (const [c, v] of Object.entries(rows)) national[c] = (national[c] ?? [0, 0, 0]).map((x, i) => x + v[i]);
    return table(measure, `agency:${a}`, rows);
  });
  return [...cells, ...table(measure, '', national)];
}

const cellValue = (set: LinkedSet, key: string) => set.cells.find((c) => c.key === key)!.value;
const markOf = (set: LinkedSet, marks: readonly Mark[], key: string) =>
  marks[set.cells.findIndex((c) => c.key === key)];

/** Interval propagation along every relation (repeated subtraction), with the marks' information. */
function propagate(set: LinkedSet, marks: readonly Mark[]): { lo: number[]; hi: number[] } {
  const lo = set.cells.map((c, i) => (marks[i] === null ? c.value : marks[i] === 'primary' ? 1 : T));
  const hi = set.cells.map((c, i) => (marks[i] === null ? c.value : marks[i] === 'primary' ? T - 1 : Infinity));
  for (let pass = 0, changed = true; changed && pass < 1000; pass++) {
    changed = false;
    const tighten = (i: number, l: number, h: number) => {
      if (l > lo[i]) [lo[i], changed] = [l, true];
      if (h < hi[i]) [hi[i], changed] = [h, true];
    };
    for (const r of set.relations) {
      const sumLo = r.parts.reduce((a, p) => a + lo[p], 0);
      const sumHi = r.parts.reduce((a, p) => a + hi[p], 0);
      tighten(r.total, sumLo, r.exact ? sumHi : Infinity);
      if (!r.exact) continue;
      for (const p of r.parts) tighten(p, lo[r.total] - (sumHi - hi[p]), hi[r.total] - (sumLo - lo[p]));
    }
  }
  return { lo, hi };
}

/**
 * An attacker written independently of the module: the primary cells that subtraction
 * narrows more than the marks alone would (every non-zero cell hidden).
 */
function propagationAttack(set: LinkedSet, marks: readonly Mark[]): string[] {
  const got = propagate(set, marks);
  const base = propagate(
    set,
    set.cells.map((c, i) => marks[i] ?? (c.value > 0 ? 'secondary' : null)),
  );
  return set.cells.flatMap((c, i) =>
    marks[i] === 'primary' && (got.lo[i] > Math.max(1, base.lo[i]) || got.hi[i] < Math.min(T - 1, base.hi[i]))
      ? [`${c.key} in [${got.lo[i]}, ${got.hi[i]}]`]
      : [],
  );
}

describe('attacks of issue 14 (regression)', () => {
  // Ministry of Health, citizenship: national 41/41/42 = Foreign Affairs 35/35/36 + Health 6/6/6.
  const citizenship = agenciesAndNational('victims_by:citizenship', {
    mz: { vnm: [6, 6, 6], irn: [11, 12, 12] },
    mid: { vnm: [35, 35, 36], irn: [40, 41, 50] },
  });

  it('national minus the other agencies: primary suppression alone gives the hidden cell away', () => {
    const set = linkCells(citizenship);
    const marks = primaryMarks(set, T);
    const audit = auditLinkedSet(set, marks, { threshold: T });
    expect(audit.exposed.map((e) => [e.key, e.lo, e.hi])).toEqual(
      YEARS.map((y) => [`victims_by:citizenship|agency:mz|vnm|${y}`, 6, 6]),
    );
    expect(propagationAttack(set, marks)).toHaveLength(3);
  });

  it('national minus the other agencies: the linked protection leaves nothing to derive', () => {
    const set = linkCells(citizenship);
    const { marks, audit } = protectLinkedSet(set, { threshold: T });
    expect(audit.exposed).toEqual([]);
    expect(audit.primary).toBe(3);
    expect(audit.secondary).toBeGreaterThan(0);
    expect(propagationAttack(set, marks)).toEqual([]);
    // Secondary cells are never small: their mark "x" is honest, and "<10" is only on 1..9.
    set.cells.forEach((c, i) => {
      if (marks[i] === 'secondary') expect(c.value).toBeGreaterThanOrEqual(T);
      if (marks[i] === 'primary') expect(c.value).toBeLessThan(T);
    });
    // Iran (11, 12, 12) is at least 10: never labelled "<10".
    for (const y of YEARS) expect(markOf(set, marks, `victims_by:citizenship|agency:mz|irn|${y}`)).not.toBe('primary');
  });

  it('row totals: the published cells and the row total give the hidden cell (age 18-25 = 61 - published)', () => {
    const cells = table('victims_by:age', 'agency:mz', { a18_25: [20, 32, 9], a26_35: [40, 41, 45] });
    const set = linkCells(cells);
    expect(auditLinkedSet(set, primaryMarks(set, T), { threshold: T }).exposed.map((e) => e.key)).toEqual([
      'victims_by:age|agency:mz|a18_25|2027',
    ]);
    const { marks, audit } = protectLinkedSet(set, { threshold: T });
    expect(audit.exposed).toEqual([]);
    expect(propagationAttack(set, marks)).toEqual([]);
  });

  it('year sums: three hidden years of one category are pinned by the category total over the years', () => {
    // 4 + 4 + 5 = 13 with every other figure shown: the sum of three "<10" cells is then known.
    const cells = table('victims_by:social_status', 'agency:mz', { unemployed: [4, 4, 5], employed: [30, 31, 33] });
    const set = linkCells(cells);
    const before = auditLinkedSet(set, primaryMarks(set, T), { threshold: T });
    expect(before.exposed.length).toBeGreaterThan(0);
    const { marks, audit } = protectLinkedSet(set, { threshold: T });
    expect(audit.exposed).toEqual([]);
    expect(cellValue(set, 'victims_by:social_status|agency:mz|unemployed|')).toBe(13);
    expect(propagationAttack(set, marks)).toEqual([]);
  });

  it('tables sharing a margin: the sex table gives the total the age table hides', () => {
    // Age and sex of the same victims: both tables total 16 a year. Adults (12) cannot be a
    // complement of the minors (4 could be 9 only if adults were 7, but an "x" is >= 10), so
    // the yearly totals must be hidden, in the sex table too.
    const age = table('victims_by:age', 'agency:mp', { under_18: [4, 4, 4], adult: [12, 12, 12] });
    const sex = table('victims_by:sex', 'agency:mp', { female: [6, 6, 6], male: [10, 10, 10] });
    const set = linkCells([...age, ...sex]);
    expect(
      set.relations.some(
        (r) =>
          set.cells[r.total].key.startsWith('victims_by:age|agency:mp||') &&
          set.cells[r.parts[0]].key.startsWith('victims_by:sex'),
      ),
    ).toBe(true);
    const { marks, audit } = protectLinkedSet(set, { threshold: T });
    expect(audit.exposed).toEqual([]);
    expect(propagationAttack(set, marks)).toEqual([]);
    // An analyst who hides nothing in the sex table learns the age table's yearly totals from it.
    const sexShown = set.cells.map((c, i) => (c.key.startsWith('victims_by:sex') ? null : marks[i]));
    const ageTotals = YEARS.map((y) => set.cells.findIndex((c) => c.key === `victims_by:age|agency:mp||${y}`));
    const hiddenTotals = ageTotals.filter((i) => marks[i] !== null);
    expect(hiddenTotals.length).toBeGreaterThan(0);
    expect(auditLinkedSet(set, sexShown, { threshold: T }).exposed.length).toBeGreaterThan(0);
  });

  it('keeps relations that hold only as an inequality (agencies not covering the nation)', () => {
    const cells = [...table('m:x', 'agency:a', { c: [5, 20, 30] }), ...table('m:x', '', { c: [50, 60, 70] })];
    const set = linkCells(cells);
    expect(set.relations.some((r) => !r.exact)).toBe(true);
    const { audit } = protectLinkedSet(set, { threshold: T });
    expect(audit.exposed).toEqual([]);
  });

  it('honours a configured minimum width instead of the full label range', () => {
    const set = linkCells(table('victims_by:age', '', { a: [3, 30, 40], b: [20, 25, 35] }));
    const wide = protectLinkedSet(set, { threshold: T });
    const narrow = protectLinkedSet(set, { threshold: T, rule: { kind: 'min-width', width: 2 } });
    expect(wide.audit.exposed).toEqual([]);
    expect(narrow.audit.exposed).toEqual([]);
    expect(narrow.audit.secondary).toBeLessThanOrEqual(wide.audit.secondary);
  });
});

describe('linked protection (property)', () => {
  const counts = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 60 })), {
    minLength: 3,
    maxLength: 3,
  });
  const agencyTable = fc.array(counts, { minLength: 1, maxLength: 3 });
  it('random agency and national tables with small counts: the audit finds nothing exposed, nor does subtraction', () => {
    fc.assert(
      fc.property(fc.array(agencyTable, { minLength: 1, maxLength: 3 }), (agencies) => {
        const width = Math.max(...agencies.map((a) => a.length));
        const input = Object.fromEntries(
          agencies.map((rows, a) => [
            `a${a}`,
            Object.fromEntries(Array.from({ length: width }, (_, c) => [`c${c}`, rows[c] ?? [0, 0, 0]])),
          ]),
        );
        const set = linkCells(agenciesAndNational('victims_by:p', input));
        const { marks, audit } = protectLinkedSet(set, { threshold: T });
        expect(audit.exposed).toEqual([]);
        expect(propagationAttack(set, marks)).toEqual([]);
        set.cells.forEach((c, i) => expect(marks[i] === 'primary').toBe(c.value >= 1 && c.value < T));
      }),
      { numRuns: 60, seed: 14 },
    );
  }, 120_000);
});

describe('relations read off the published tables', () => {
  it("links a subject's published total to the equal total of its breakdowns", () => {
    // The foreign ministry's victims (an indicator row) equal its breakdown by sex: 423 = 400 + 23.
    const sex = table('victims_by:sex', 'agency:mid', { female: [400, 410, 420], male: [23, 22, 21] });
    const indicator = YEARS.map((y, i) => ({
      key: cellKey({ measure: 'mid_victims', slice: '', category: '', period: y }),
      value: [423, 432, 441][i],
    }));
    const set = linkCells([...sex, ...indicator]);
    const linked = set.relations.filter((r) => set.cells[r.total].key.startsWith('mid_victims'));
    expect(linked.map((r) => set.cells[r.parts[0]].key)).toEqual(YEARS.map((y) => `victims_by:sex|agency:mid||${y}`));
  });
});
