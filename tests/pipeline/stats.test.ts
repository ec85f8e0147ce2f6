import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  chiSquareUpperP,
  inverseRegularizedGammaP,
  iqr,
  logGamma,
  mad,
  mean,
  meanAbsoluteDeviation,
  median,
  mulberry32,
  poissonCdf,
  poissonExactCI,
  poissonPredictionInterval,
  poissonUpperTail,
  quantile,
  quantiles,
  regularizedGammaP,
  regularizedGammaQ,
  shuffle,
} from '../../src/pipeline/stats.js';

describe('descriptive statistics', () => {
  it('mean and median', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('type-7 quantiles match R quantile(type = 7)', () => {
    // R: quantile(c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), c(.1, .25, .5, .75, .9)) -> 1.9 3.25 5.5 7.75 9.1
    const xs = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const qs = quantiles(xs, [0.1, 0.25, 0.5, 0.75, 0.9]);
    [1.9, 3.25, 5.5, 7.75, 9.1].forEach((q, i) => expect(qs[i]).toBeCloseTo(q, 12));
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
    // Four Likert scores: h = 3 * 0.25 = 0.75 -> 2 + 0.75 * (3 - 2) = 2.75
    expect(quantile([2, 3, 4, 4], 0.25)).toBeCloseTo(2.75, 12);
  });

  it('IQR, MAD (unscaled) and mean absolute deviation', () => {
    expect(iqr([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(4.5, 12);
    // median 3; |x - 3| = 2 1 0 1 6 -> median 1
    expect(mad([1, 2, 3, 4, 9])).toBe(1);
    expect(meanAbsoluteDeviation([1, 2, 3, 4, 9])).toBe(2);
    expect(meanAbsoluteDeviation([1, 2, 3], 0)).toBe(2);
  });

  it('rejects empty and non-finite samples', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => mean([1, NaN])).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('gamma functions and chi-square', () => {
  it('logGamma at known points', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });

  it('chi-square upper tail matches scipy.stats.chi2.sf to 1e-8 relative', () => {
    const cases: [number, number, number][] = [
      [3.841458820694124, 1, 0.05],
      [10, 5, 0.07523524614651217],
      [0.5, 3, 0.9188914116546758],
      [50, 10, 2.669083424904495e-7],
      [120, 100, 0.08440668109369177],
      [0.001, 1, 0.9747728793699604],
      [30, 1, 4.3204630578274955e-8],
      [200, 3, 4.218541107192018e-43],
      [7.5, 2.5, 0.038169088215206766],
      [1e-6, 4, 0.999999999999875],
      [18.307038053275146, 10, 0.05],
      [15.08627246938899, 5, 0.01],
    ];
    for (const [x, df, p] of cases) {
      const got = chiSquareUpperP(x, df);
      expect(Math.abs(got - p) / p).toBeLessThan(1e-8);
    }
  });

  it('even df agrees with the closed form exp(-x/2) * sum (x/2)^i / i!', () => {
    for (const df of [2, 4, 6, 10, 30]) {
      for (const x of [0.1, 1, 3, 7.7, 15, 40, 90]) {
        const h = x / 2;
        let term = 1;
        let sum = 1;
        for (let i = 1; i < df / 2; i++) {
          term *= h / i;
          sum += term;
        }
        const exact = Math.exp(-h) * sum;
        expect(Math.abs(chiSquareUpperP(x, df) - exact)).toBeLessThan(1e-12 + 1e-9 * exact);
      }
    }
  });

  it('P + Q = 1 and the inverse round-trips', () => {
    for (const a of [0.3, 1, 2.5, 10, 80]) {
      for (const x of [0.01, 0.5, 2, 9, 60, 120]) {
        expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
      }
      for (const p of [1e-6, 0.005, 0.3, 0.5, 0.975, 0.999999]) {
        const x = inverseRegularizedGammaP(a, p);
        expect(regularizedGammaP(a, x)).toBeCloseTo(p, 12);
      }
    }
    expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.307038053275146, 9);
    expect(chiSquareUpperP(0, 3)).toBe(1);
  });
});

describe('Poisson', () => {
  it('CDF and tails agree with direct summation', () => {
    for (const lambda of [0.3, 2, 7.5, 20]) {
      let pmf = Math.exp(-lambda);
      let cdf = pmf;
      for (let k = 0; k < 40; k++) {
        expect(poissonCdf(k, lambda)).toBeCloseTo(cdf, 12);
        expect(poissonUpperTail(k + 1, lambda)).toBeCloseTo(1 - cdf, 12);
        pmf *= lambda / (k + 1);
        cdf += pmf;
      }
    }
    expect(poissonCdf(-1, 3)).toBe(0);
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonCdf(0, 0)).toBe(1);
    expect(poissonUpperTail(1, 0)).toBe(0);
  });

  it('Garwood exact CI matches scipy chi-square quantiles', () => {
    const expected95: [number, number, number][] = [
      [0, 0, 3.6888794541139354],
      [1, 0.025317807984289876, 5.571643390938898],
      [5, 1.6234863901184207, 11.66833207932267],
      [10, 4.7953886961324335, 18.39035604201778],
      [37, 26.05141456710603, 50.999626141930825],
    ];
    for (const [k, lo, hi] of expected95) {
      const ci = poissonExactCI(k);
      expect(ci.lower).toBeCloseTo(lo, 9);
      expect(ci.upper).toBeCloseTo(hi, 9);
    }
    const ci99 = poissonExactCI(10, 0.99);
    expect(ci99.lower).toBeCloseTo(3.716922131467118, 9);
    expect(ci99.upper).toBeCloseTo(21.397827499654273, 9);
    // Defining property: tail probabilities at the bounds equal alpha/2.
    expect(poissonCdf(5, poissonExactCI(5).upper)).toBeCloseTo(0.025, 12);
    expect(poissonUpperTail(5, poissonExactCI(5).lower)).toBeCloseTo(0.025, 12);
    expect(() => poissonExactCI(2.5)).toThrow(RangeError);
  });

  it('prediction interval matches scipy.stats.poisson.interval(0.99, lambda)', () => {
    expect(poissonPredictionInterval(0.5)).toEqual({ lower: 0, upper: 3 });
    expect(poissonPredictionInterval(3)).toEqual({ lower: 0, upper: 8 });
    expect(poissonPredictionInterval(12.5)).toEqual({ lower: 4, upper: 22 });
    expect(poissonPredictionInterval(100)).toEqual({ lower: 75, upper: 127 });
    expect(poissonPredictionInterval(0)).toEqual({ lower: 0, upper: 0 });
  });
});

describe('PRNG', () => {
  it('is deterministic per seed and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    const ys = Array.from({ length: 1000 }, () => b());
    expect(xs).toEqual(ys);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(c()).not.toBe(xs[0]);
    expect(mean(xs)).toBeGreaterThan(0.45);
    expect(mean(xs)).toBeLessThan(0.55);
  });

  it('shuffle is a deterministic permutation', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8];
    const s1 = shuffle(xs, mulberry32(7));
    const s2 = shuffle(xs, mulberry32(7));
    expect(s1).toEqual(s2);
    expect([...s1].sort((p, q) => p - q)).toEqual(xs);
    expect(xs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
