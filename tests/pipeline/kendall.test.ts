import { describe, expect, it } from 'vitest';
import { averageRanks, kendallW, tieCorrection, type KendallResult } from '../../src/pipeline/kendall.js';
import { chiSquareUpperP } from '../../src/pipeline/stats.js';

function defined(r: ReturnType<typeof kendallW>): KendallResult {
  if (r.W === null) throw new Error(`W undefined: ${r.reason}`);
  return r;
}

describe('averageRanks and tieCorrection', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(averageRanks([5, 3, 3, 1])).toEqual([4, 2.5, 2.5, 1]);
    expect(averageRanks([3, 3, 3, 1])).toEqual([3, 3, 3, 1]);
    expect(averageRanks([2, 2])).toEqual([1.5, 1.5]);
    expect(tieCorrection([5, 3, 3, 1])).toBe(6);
    expect(tieCorrection([3, 3, 3, 1])).toBe(24);
    expect(tieCorrection([1, 2, 3])).toBe(0);
  });
});

describe('kendallW', () => {
  it('worked example with ties (computed by hand)', () => {
    // 3 experts score 4 risks (objects o1..o4); rank 1 = lowest score.
    //   A: 5 3 3 1 -> ranks 4   2.5 2.5 1   ties {3,3}:   T_A = 2^3-2 = 6
    //   B: 4 4 2 1 -> ranks 3.5 3.5 2   1   ties {4,4}:   T_B = 6
    //   C: 3 3 3 1 -> ranks 3   3   3   1   ties {3,3,3}: T_C = 3^3-3 = 24
    // R = (10.5, 9, 7.5, 3), sum 30 = m n (n+1) / 2, mean R = 7.5
    // deviations 3, 1.5, 0, -4.5 -> S = 9 + 2.25 + 0 + 20.25 = 31.5
    // denominator m^2 (n^3 - n) - m sum T = 9 * 60 - 3 * 36 = 432
    // W = 12 * 31.5 / 432 = 378 / 432 = 0.875
    // chi-square = m (n - 1) W = 3 * 3 * 0.875 = 7.875, df = 3
    const r = defined(
      kendallW([
        [5, 3, 3, 1],
        [4, 4, 2, 1],
        [3, 3, 3, 1],
      ]),
    );
    expect(r.rankSums).toEqual([10.5, 9, 7.5, 3]);
    expect(r.tieCorrections).toEqual([6, 6, 24]);
    expect(r.S).toBe(31.5);
    expect(r.W).toBe(0.875);
    expect(r.chiSquare).toBe(7.875);
    expect(r.df).toBe(3);
    expect(r.chiSquarePValue).toBeCloseTo(0.048666968265671205, 12);
    // n = 4 <= 7: exact enumeration over (4!)^2 = 576 configurations; brute force
    // in an independent script (scipy rankdata + itertools) gives 24 / 576.
    expect(r.pValueMethod).toBe('exact-permutation');
    expect(r.permutations).toBe(576);
    expect(r.pValue).toBeCloseTo(24 / 576, 14);
  });

  it('textbook example: Siegel (1956), 3 judges x 6 applicants, W = 0.16', () => {
    const ranks = [
      [1, 6, 3, 2, 5, 4],
      [1, 5, 6, 4, 2, 3],
      [6, 3, 2, 5, 4, 1],
    ];
    const r = defined(kendallW(ranks));
    expect(r.rankSums).toEqual([8, 14, 11, 11, 11, 8]);
    expect(r.S).toBe(25.5);
    expect(r.W).toBeCloseTo(0.1619047619, 9); // 306 / 1890
    expect(r.chiSquarePValue).toBeCloseTo(0.7872118138839401, 10);
    // (6!)^2 = 518,400 configurations, brute-forced independently: 433,536 hits.
    expect(r.pValueMethod).toBe('exact-permutation');
    expect(r.pValue).toBeCloseTo(433536 / 518400, 12);
  });

  it('Monte Carlo p-value is deterministic and close to the exact one', () => {
    const ranks = [
      [1, 6, 3, 2, 5, 4],
      [1, 5, 6, 4, 2, 3],
      [6, 3, 2, 5, 4, 1],
    ];
    const a = defined(kendallW(ranks, { exactLimit: 0 }));
    const b = defined(kendallW(ranks, { exactLimit: 0 }));
    expect(a.pValueMethod).toBe('monte-carlo-permutation');
    expect(a.permutations).toBe(20_000);
    expect(a.pValue).toBe(b.pValue);
    const exact = 433536 / 518400;
    const se = Math.sqrt((exact * (1 - exact)) / 20_000);
    expect(Math.abs(a.pValue - exact)).toBeLessThan(4 * se);
    const c = defined(kendallW(ranks, { exactLimit: 0, seed: 99 }));
    expect(Math.abs(c.pValue - exact)).toBeLessThan(4 * se);
  });

  it('perfect agreement gives W = 1', () => {
    const r = defined(
      kendallW([
        [1, 2, 3, 4, 5, 6, 7, 8, 9],
        [10, 20, 30, 40, 50, 60, 70, 80, 90],
        [2, 3, 4, 5, 6, 7, 8, 9, 10],
        [1, 2, 3, 4, 5, 6, 7, 8, 9],
      ]),
    );
    expect(r.W).toBeCloseTo(1, 14);
    // n = 9 > 7: chi-square p-value.
    expect(r.pValueMethod).toBe('chi-square');
    expect(r.chiSquare).toBeCloseTo(4 * 8, 12);
    expect(r.pValue).toBe(chiSquareUpperP(32, 8));
  });

  it('perfect agreement with identical ties also gives W = 1', () => {
    const r = defined(
      kendallW([
        [1, 1, 2, 3],
        [1, 1, 2, 3],
      ]),
    );
    expect(r.W).toBeCloseTo(1, 14);
  });

  it('perfect disagreement of two raters gives W = 0', () => {
    const r = defined(
      kendallW([
        [1, 2, 3, 4, 5],
        [5, 4, 3, 2, 1],
      ]),
    );
    expect(r.W).toBe(0);
    expect(r.pValue).toBe(1);
  });

  it('Monte Carlo is used when enumeration is too large', () => {
    // 6 raters x 7 objects: (7!)^5 configurations.
    const rows = [
      [1, 2, 3, 4, 5, 6, 7],
      [2, 1, 3, 4, 6, 5, 7],
      [1, 3, 2, 4, 5, 7, 6],
      [1, 2, 4, 3, 5, 6, 7],
      [2, 1, 3, 5, 4, 6, 7],
      [1, 2, 3, 4, 5, 7, 6],
    ];
    const r = defined(kendallW(rows, { monteCarloPermutations: 5000 }));
    expect(r.pValueMethod).toBe('monte-carlo-permutation');
    // Strong agreement: only the add-one floor remains.
    expect(r.pValue).toBe(1 / 5001);
    expect(r.W).toBeGreaterThan(0.9);
  });

  it('degenerate cases return W = null with a reason', () => {
    expect(kendallW([[1, 2, 3]])).toEqual({ W: null, m: 1, n: 3, reason: 'too_few_raters' });
    expect(kendallW([])).toMatchObject({ W: null, reason: 'too_few_raters' });
    expect(kendallW([[1], [2]])).toMatchObject({ W: null, reason: 'too_few_objects' });
    expect(
      kendallW([
        [3, 3, 3],
        [1, 1, 1],
      ]),
    ).toMatchObject({ W: null, reason: 'all_tied' });
    expect(() => kendallW([[1, 2], [1]])).toThrow(RangeError);
    expect(() =>
      kendallW([
        [1, NaN],
        [1, 2],
      ]),
    ).toThrow(RangeError);
  });

  it('one rater with all ties still yields a defined W', () => {
    const r = defined(
      kendallW([
        [1, 2, 3],
        [2, 2, 2],
      ]),
    );
    // R = (3, 4, 5), S = 2; denom = 4 * 24 - 2 * 24 = 48; W = 24 / 48
    expect(r.W).toBe(0.5);
  });
});
