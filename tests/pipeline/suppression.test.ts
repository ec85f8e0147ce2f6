import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  suppressList,
  suppressTable,
  type PublishedCell,
  type SuppressedList,
  type SuppressedTable,
} from '../../src/pipeline/suppression.js';
import { mulberry32 } from '../../src/pipeline/stats.js';

// ---------------------------------------------------------------------------
// Independent attacker used as the checker (does not reuse module code).
// Lines are written as [parts..., total] of published cells.
// ---------------------------------------------------------------------------

function tableLines(t: SuppressedTable): PublishedCell[][] {
  const lines: PublishedCell[][] = [];
  t.cells.forEach((row, i) => lines.push([...row, t.rowTotals[i]]));
  t.columnTotals.forEach((ct, j) => lines.push([...t.cells.map((row) => row[j]), ct]));
  lines.push([...t.columnTotals, t.grandTotal]);
  lines.push([...t.rowTotals, t.grandTotal]);
  return lines;
}

function listLines(l: SuppressedList): PublishedCell[][] {
  return [[...l.categories, l.total]];
}

/**
 * Tries to recover suppressed values by subtraction: any line with exactly one
 * unknown entry reveals it; recovered values are reused (chained attack). Also
 * catches lines whose k unknown parts sum to exactly k (all must be 1, since
 * zeros are shown). Returns descriptions of what was recovered.
 */
function recoverBySubtraction(lines: PublishedCell[][]): string[] {
  const known = new Map<PublishedCell, number>();
  for (const line of lines) for (const c of line) if (!c.suppressed) known.set(c, Number(c.display));
  const leaks: string[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const line of lines) {
      const parts = line.slice(0, -1);
      const total = line[line.length - 1];
      const unknown = line.filter((c) => !known.has(c));
      if (unknown.length === 0) continue;
      if (unknown.length === 1) {
        const u = unknown[0];
        const v =
          u === total
            ? parts.reduce((a, c) => a + known.get(c)!, 0)
            : known.get(total)! - parts.filter((c) => c !== u).reduce((a, c) => a + known.get(c)!, 0);
        expect(v).toBe(u.value); // the attacker's arithmetic is right
        known.set(u, v);
        leaks.push(`recovered ${u.value} by subtraction`);
        progress = true;
      } else if (known.has(total)) {
        const residual = known.get(total)! - parts.filter((c) => known.has(c)).reduce((a, c) => a + known.get(c)!, 0);
        if (residual === unknown.length) {
          for (const u of unknown) known.set(u, 1);
          leaks.push('all remaining suppressed cells in a line must be 1');
          progress = true;
        }
      }
    }
  }
  return leaks;
}

function displays(t: SuppressedTable): string[][] {
  return [...t.cells.map((row, i) => [...row.map((c) => c.display), t.rowTotals[i].display]), [...t.columnTotals.map((c) => c.display), t.grandTotal.display]];
}

const NEUTRAL = { primaryLabel: 'x', secondaryLabel: 'x' };

describe('suppressTable', () => {
  const table = [
    [5, 20, 30],
    [15, 25, 35],
    [12, 18, 40],
  ];

  it('a single primary suppression in a row forces secondary ones (neutral labels)', () => {
    // Row 0 has one primary (5) -> smallest other non-zero cell of row 0 (20).
    // Column 0 then has one suppressed (5) -> 12; column 1 has one (20) -> 18.
    // Row 2 now holds 12 and 18: every line has 0 or 2 suppressed entries.
    const t = suppressTable({ cells: table }, NEUTRAL);
    expect(displays(t)).toEqual([
      ['x', 'x', '30', '55'],
      ['15', '25', '35', '75'],
      ['x', 'x', '40', '70'],
      ['32', '63', '105', '200'],
    ]);
    expect(t.cells[0][0].kind).toBe('primary');
    expect(t.cells[0][1].kind).toBe('secondary');
    expect(t.protected).toBe(true);
    expect(recoverBySubtraction(tableLines(t))).toEqual([]);
  });

  it('default "<10" / "x" labels: same pattern, attacker knows secondaries are >= 10', () => {
    const t = suppressTable({ cells: table });
    expect(t.cells[0][0]).toEqual({ value: 5, suppressed: true, kind: 'primary', display: '<10' });
    expect(t.cells[0][1]).toEqual({ value: 20, suppressed: true, kind: 'secondary', display: 'x' });
    expect(t.cells.flat().filter((c) => c.suppressed)).toHaveLength(4);
    expect(t.protected).toBe(true);
    expect(recoverBySubtraction(tableLines(t))).toEqual([]);
  });

  it('minWidth 8 keeps the full "<10" uncertainty even against secondaries known to be >= 10', () => {
    // Default pattern: column 0 gives 5 + 12 = 17 with 12 >= 10, so the "<10" is <= 7.
    // Demanding width 8 ([1, 9]) forces further complements.
    const t = suppressTable({ cells: table }, { minWidth: 8 });
    expect(t.cells.flat().filter((c) => c.suppressed).length).toBeGreaterThan(4);
    expect(t.protected).toBe(true);
    expect(recoverBySubtraction(tableLines(t))).toEqual([]);
    const col0 = [t.cells[0][0], t.cells[1][0], t.cells[2][0]];
    const shown = col0.filter((c) => !c.suppressed).reduce((a, c) => a + c.value, 0);
    const secondaries = col0.filter((c) => c.kind === 'secondary').length;
    // Largest value the attacker can still assign to cell (0,0) from column 0.
    expect(32 - shown - 10 * secondaries).toBeGreaterThanOrEqual(9);
  });

  it('zeros are shown and never chosen as complements', () => {
    const t = suppressTable(
      {
        cells: [
          [0, 4, 60],
          [0, 30, 70],
        ],
      },
      NEUTRAL,
    );
    expect(displays(t)).toEqual([
      ['0', 'x', 'x', '64'],
      ['0', 'x', 'x', '100'],
      ['0', '34', '130', '164'],
    ]);
    expect(recoverBySubtraction(tableLines(t))).toEqual([]);
  });

  it('totals below the threshold are suppressed too', () => {
    const t = suppressTable({ cells: [[2, 0], [3, 0]] });
    expect(t.rowTotals.map((c) => c.display)).toEqual(['<10', '<10']);
    expect(t.columnTotals.map((c) => c.display)).toEqual(['<10', '0']);
    expect(t.grandTotal.display).toBe('<10');
    expect(t.protected).toBe(true);
    expect(recoverBySubtraction(tableLines(t))).toEqual([]);
  });

  it('two ones in a row are not left alone (they would have to be 1 and 1)', () => {
    const t = suppressTable({ cells: [[1, 1, 50], [20, 30, 40]] }, NEUTRAL);
    expect(t.cells[0][2].suppressed).toBe(true);
    expect(recoverBySubtraction(tableLines(t))).toEqual([]);
  });

  it('accepts matching totals and rejects inconsistent input', () => {
    expect(() => suppressTable({ cells: table, rowTotals: [55, 75, 70], columnTotals: [32, 63, 105], grandTotal: 200 })).not.toThrow();
    expect(() => suppressTable({ cells: table, rowTotals: [55, 75, 71] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: table, grandTotal: 1 })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1, 2], [3]] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1.5]] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1]] }, { threshold: 1 })).toThrow(RangeError);
  });

  it('custom threshold and labels', () => {
    const t = suppressTable({ cells: [[4, 6, 20], [7, 9, 30]] }, { threshold: 5, primaryLabel: '1-4', secondaryLabel: '*' });
    // 4 is the only primary; 6 (row 0), 7 (column 0) and 9 (column 1) complement it.
    expect(t.cells.map((row) => row.map((c) => c.display))).toEqual([
      ['1-4', '*', '20'],
      ['*', '*', '30'],
    ]);
    expect(recoverBySubtraction(tableLines(t))).toEqual([]);
  });

  it('random tables: protected, only 1..9 primary, zeros shown, no line with exactly one suppressed entry', () => {
    const rng = mulberry32(849410);
    for (let trial = 0; trial < 150; trial++) {
      const r = 2 + Math.floor(rng() * 4);
      const c = 2 + Math.floor(rng() * 5);
      // Skewed counts: many zeros and small values, some large.
      const cells = Array.from({ length: r }, () =>
        Array.from({ length: c }, () => {
          const u = rng();
          return u < 0.25 ? 0 : u < 0.6 ? 1 + Math.floor(rng() * 9) : 10 + Math.floor(rng() * 80);
        }),
      );
      for (const labels of [{}, NEUTRAL]) {
        const t = suppressTable({ cells }, labels);
        expect(t.protected).toBe(true);
        const lines = tableLines(t);
        for (const line of lines) {
          for (const cell of line) {
            expect(cell.kind === 'primary').toBe(cell.value >= 1 && cell.value < 10);
            if (cell.value === 0) expect(cell.suppressed).toBe(false);
            if (cell.kind === 'secondary') expect(cell.value).toBeGreaterThanOrEqual(10);
          }
          expect(line.filter((x) => x.suppressed).length).not.toBe(1);
        }
        expect(recoverBySubtraction(lines)).toEqual([]);
      }
    }
  });
});

describe('suppressList', () => {
  it('one small category forces the next-smallest one', () => {
    const l = suppressList({ values: [3, 12, 40, 0] }, NEUTRAL);
    expect(l.categories.map((c) => c.display)).toEqual(['x', 'x', '40', '0']);
    expect(l.total.display).toBe('55');
    expect(recoverBySubtraction(listLines(l))).toEqual([]);
  });

  it('1, 1, 50: two ones cannot protect each other', () => {
    const l = suppressList({ values: [1, 1, 50] }, NEUTRAL);
    expect(l.categories.map((c) => c.suppressed)).toEqual([true, true, true]);
    expect(l.total.display).toBe('52');
    expect(recoverBySubtraction(listLines(l))).toEqual([]);
  });

  it('default labels: 1, 10, 50 would reveal the 1 (x >= 10 forces 1 + 10 = 11), so 50 is suppressed too', () => {
    const l = suppressList({ values: [1, 10, 50] });
    expect(l.categories.map((c) => c.display)).toEqual(['<10', 'x', 'x']);
    expect(l.protected).toBe(true);
  });

  it('total below threshold, no suppression needed, validation', () => {
    expect(suppressList({ values: [2, 3] }).total.display).toBe('<10');
    const big = suppressList({ values: [15, 20, 30], total: 65 });
    expect(big.categories.every((c) => !c.suppressed)).toBe(true);
    expect(() => suppressList({ values: [1, 2], total: 4 })).toThrow(RangeError);
  });

  // Enumerates every assignment consistent with what is published: shown values
  // fixed, primary in 1..9, secondary >= 10, summing to the shown total.
  function feasibleSets(l: SuppressedList): { cell: PublishedCell; values: Set<number> }[] {
    const sup = l.categories.filter((c) => c.suppressed);
    const residual = l.total.value - l.categories.filter((c) => !c.suppressed).reduce((a, c) => a + c.value, 0);
    const feasible = sup.map(() => new Set<number>());
    const assign: number[] = [];
    const walk = (k: number, left: number): void => {
      if (k === sup.length) {
        if (left === 0) assign.forEach((v, i) => feasible[i].add(v));
        return;
      }
      const [lo, hi] = sup[k].kind === 'primary' ? [1, 9] : [10, left];
      for (let v = lo; v <= Math.min(hi, left); v++) {
        assign.push(v);
        walk(k + 1, left - v);
        assign.pop();
      }
    };
    walk(0, residual);
    return sup.map((cell, i) => ({ cell, values: feasible[i] }));
  }

  const lists = fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 40 })), {
    minLength: 2,
    maxLength: 5,
  });

  it('brute force: with default labels no suppressed category is pinned to one value', () => {
    fc.assert(
      fc.property(lists, (values) => {
        const l = suppressList({ values });
        expect(l.protected).toBe(true);
        if (l.total.suppressed) return; // total unknown: no equation to exploit
        for (const f of feasibleSets(l)) expect(f.values.size).toBeGreaterThan(1);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('brute force: minWidth 8 leaves every primary category all of 1..9', () => {
    fc.assert(
      fc.property(lists, (values) => {
        const l = suppressList({ values }, { minWidth: 8 });
        if (!l.protected) {
          // Only when the width is unattainable (e.g. 1, 0, 1 with a "<10" total: parts <= 8)
          // and every non-zero entry is already suppressed.
          expect([...l.categories, l.total].every((c) => c.value === 0 || c.suppressed)).toBe(true);
          return;
        }
        if (l.total.suppressed) return;
        for (const f of feasibleSets(l)) {
          if (f.cell.kind === 'primary') expect(f.values.size).toBe(9);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
