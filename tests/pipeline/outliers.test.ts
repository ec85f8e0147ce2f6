import { describe, expect, it } from 'vitest';
import {
  checkTemporal,
  detectRegionalOutliers,
  detectTemporalOutliers,
  modifiedZScores,
} from '../../src/pipeline/outliers.js';

const s = (...vals: (number | null)[]) => vals.map((value, k) => ({ year: 2020 + k, value }));

describe('checkTemporal', () => {
  it('flags a large increase outside the 99% Poisson interval', () => {
    // earlier mean 11; scipy poisson.interval(0.99, 11) = (4, 20)
    const c = checkTemporal(s(10, 12, 11, 30), 2023)!;
    expect(c.earlierMean).toBe(11);
    expect(c.earlierYears).toEqual([2020, 2021, 2022]);
    expect(c.intervalLower).toBe(4);
    expect(c.intervalUpper).toBe(20);
    expect(c.ratio).toBeCloseTo(30 / 11, 12);
    expect(c.tailProbability).toBeCloseTo(1.6882167999281004e-6, 14);
    expect(c.flagged).toBe(true);
    expect(c.reason).toBe('temporal_increase');
  });

  it('does not flag a tripling of a small count that is Poisson-plausible', () => {
    // mean 4/3, interval (0, 5): 4 is inside although the ratio is 3
    const c = checkTemporal(s(1, 2, 1, 4), 2023)!;
    expect(c.ratio).toBeCloseTo(3, 12);
    expect(c.intervalUpper).toBe(5);
    expect(c.flagged).toBe(false);
    expect(c.reason).toBeNull();
  });

  it('does not flag a modest change in a large count even if outside the Poisson interval', () => {
    // mean 200, interval (165, 237): 240 is outside but the ratio is only 1.2
    const c = checkTemporal(s(200, 210, 190, 240), 2023)!;
    expect(c.value > c.intervalUpper).toBe(true);
    expect(c.flagged).toBe(false);
    expect(checkTemporal(s(200, 210, 190, 420), 2023)!.reason).toBe('temporal_increase');
  });

  it('flags a large decrease, and a first non-zero value after zeros', () => {
    const d = checkTemporal(s(40, 50, 5), 2022)!;
    expect(d.intervalLower).toBe(29);
    expect(d.tailProbability).toBeCloseTo(4.937385832845172e-14, 24);
    expect(d.reason).toBe('temporal_decrease');
    const z = checkTemporal(s(0, 0, 3), 2022)!;
    expect(z.ratio).toBeNull();
    expect(z.reason).toBe('temporal_from_zero');
    expect(checkTemporal(s(0, 0, 0), 2022)!.flagged).toBe(false);
  });

  it('returns null without a value or history; honours windows', () => {
    expect(checkTemporal(s(5, null), 2021)).toBeNull();
    expect(checkTemporal(s(5), 2020)).toBeNull();
    expect(checkTemporal(s(null, 5), 2021)).toBeNull();
    expect(checkTemporal(s(5, 6, 7), 2022, { minEarlierYears: 3 })).toBeNull();
    const w = checkTemporal(s(100, 10, 12, 11), 2023, { maxEarlierYears: 2 })!;
    expect(w.earlierYears).toEqual([2021, 2022]);
    expect(w.earlierMean).toBe(11);
    expect(() => checkTemporal(s(1.5, 2), 2021)).toThrow(RangeError);
  });

  it('detectTemporalOutliers returns flagged units sorted by code', () => {
    const rec = [
      ...s(10, 12, 11, 30).map((p) => ({ ...p, unitCode: 'ORG-B' })),
      ...s(1, 2, 1, 4).map((p) => ({ ...p, unitCode: 'ORG-C' })),
      ...s(40, 50, 45, 5).map((p) => ({ ...p, unitCode: 'ORG-A' })),
    ];
    const f = detectTemporalOutliers(rec, 2023);
    expect(f.map((x) => [x.unitCode, x.reason])).toEqual([
      ['ORG-A', 'temporal_decrease'],
      ['ORG-B', 'temporal_increase'],
    ]);
  });
});

describe('regional modified z-score', () => {
  const reg = (vals: number[]) => vals.map((value, k) => ({ regionCode: `R${String(k + 1).padStart(2, '0')}`, value }));

  it('uses 0.6745 (x - median) / MAD', () => {
    // median 11; |dev| 1 1 0 2 2 39 0 -> MAD 1
    const data = reg([10, 12, 11, 13, 9, 50, 11]);
    const z = modifiedZScores(data);
    expect(z.median).toBe(11);
    expect(z.method).toBe('mad');
    expect(z.scores[5].modifiedZ).toBeCloseTo(0.6745 * 39, 12);
    const f = detectRegionalOutliers(data);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ regionCode: 'R06', reason: 'regional_high', median: 11, spread: 1 });
  });

  it('falls back to the mean absolute deviation when MAD = 0', () => {
    // median 0, MAD 0, MeanAD = 4 / 9 -> M = 4 / (1.253314 * 4 / 9) = 7.18
    const f = detectRegionalOutliers(reg([0, 0, 0, 0, 0, 0, 0, 0, 4]));
    expect(f).toHaveLength(1);
    expect(f[0].method).toBe('mean_absolute_deviation');
    expect(f[0].modifiedZ).toBeCloseTo(9 / 1.253314, 10);
  });

  it('flags low values, nothing when all equal or too few regions', () => {
    const f = detectRegionalOutliers(reg([100, 98, 103, 101, 99, 102, 2]));
    expect(f.map((x) => x.reason)).toEqual(['regional_low']);
    expect(detectRegionalOutliers(reg([3, 3, 3, 3, 3]))).toEqual([]);
    expect(modifiedZScores(reg([3, 3, 3])).method).toBe('none');
    expect(detectRegionalOutliers(reg([1, 1, 100]))).toEqual([]);
    expect(() => detectRegionalOutliers([...reg([1]), ...reg([2])])).toThrow(RangeError);
  });
});
