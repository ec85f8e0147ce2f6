import { describe, expect, it } from 'vitest';
import {
  computeEvidence,
  concentration,
  minMaxNormalise,
  trend,
  type IndicatorValue,
} from '../../src/pipeline/evidence.js';
import { mulberry32, shuffle } from '../../src/pipeline/stats.js';

describe('minMaxNormalise', () => {
  it('scales available values to 0-10 and keeps nulls', () => {
    expect(minMaxNormalise([2, null, 6, 4])).toEqual([0, null, 10, 5]);
    expect(minMaxNormalise([2, 6, 4], { invert: true })).toEqual([10, 0, 5]);
  });
  it('all-equal values: midpoint 5 by default, null with exclude', () => {
    expect(minMaxNormalise([3, null, 3])).toEqual([5, null, 5]);
    expect(minMaxNormalise([3, 3], { onConstant: 'exclude' })).toEqual([null, null]);
    expect(minMaxNormalise([null, null])).toEqual([null, null]);
  });
});

describe('computeEvidence', () => {
  const data: IndicatorValue[] = [
    { unitCode: 'R1', indicatorCode: 'cases', value: 10 },
    { unitCode: 'R2', indicatorCode: 'cases', value: 30 },
    { unitCode: 'R3', indicatorCode: 'cases', value: 20 },
    { unitCode: 'R1', indicatorCode: 'victims', value: 5 },
    { unitCode: 'R2', indicatorCode: 'victims', value: null },
    { unitCode: 'R3', indicatorCode: 'victims', value: 15 },
    { unitCode: 'R4', indicatorCode: 'victims', value: null },
  ];

  it('averages available normalised indicators', () => {
    const res = computeEvidence(data);
    // cases: R1 0, R2 10, R3 5; victims (R1, R3 only): R1 0, R3 10
    expect(res).toEqual([
      { unitCode: 'R1', evidence: 0, indicatorsUsed: 2, normalised: { cases: 0, victims: 0 } },
      { unitCode: 'R2', evidence: 10, indicatorsUsed: 1, normalised: { cases: 10, victims: null } },
      { unitCode: 'R3', evidence: 7.5, indicatorsUsed: 2, normalised: { cases: 5, victims: 10 } },
      { unitCode: 'R4', evidence: null, indicatorsUsed: 0, normalised: { cases: null, victims: null } },
    ]);
  });

  it('is independent of input order and supports inverted indicators', () => {
    const a = computeEvidence(data, { invert: ['victims'] });
    const b = computeEvidence(shuffle(data, mulberry32(3)), { invert: ['victims'] });
    expect(b).toEqual(a);
    expect(a.find((r) => r.unitCode === 'R1')!.evidence).toBe(5);
  });

  it('rejects duplicates', () => {
    expect(() => computeEvidence([data[0], data[0]])).toThrow(RangeError);
  });
});

describe('trend', () => {
  it('least-squares slope over the last three years relative to the mean', () => {
    const t = trend([
      { year: 2020, value: 100 },
      { year: 2021, value: 10 },
      { year: 2022, value: 20 },
      { year: 2023, value: 30 },
    ])!;
    expect(t.years).toEqual([2021, 2022, 2023]);
    expect(t.slope).toBeCloseTo(10, 12);
    expect(t.mean).toBe(20);
    expect(t.relativeSlope).toBeCloseTo(0.5, 12);
  });

  it('handles missing years, zero mean and too few points', () => {
    const t = trend([
      { year: 2021, value: 4 },
      { year: 2022, value: null },
      { year: 2023, value: 8 },
    ])!;
    expect(t.slope).toBeCloseTo(2, 12);
    expect(t.years).toEqual([2021, 2023]);
    expect(
      trend([
        { year: 2022, value: 0 },
        { year: 2023, value: 0 },
      ])!.relativeSlope,
    ).toBeNull();
    expect(trend([{ year: 2023, value: 5 }])).toBeNull();
    expect(trend([])).toBeNull();
    expect(
      trend([
        { year: 2020, value: 1 },
        { year: 2023, value: 5 },
      ]),
    ).toBeNull();
  });
});

describe('concentration', () => {
  it('Herfindahl index and top share', () => {
    const c = concentration([
      { regionCode: 'AST', value: 50 },
      { regionCode: 'ALA', value: 30 },
      { regionCode: 'SHY', value: 20 },
      { regionCode: 'KAR', value: 0 },
    ])!;
    expect(c.herfindahl).toBeCloseTo(0.25 + 0.09 + 0.04, 12);
    expect(c.normalisedHerfindahl).toBeCloseTo((0.38 - 0.25) / 0.75, 12);
    expect(c.topRegion).toBe('AST');
    expect(c.topShare).toBe(0.5);
    expect(c.total).toBe(100);
  });

  it('even spread, single region, ties and empty', () => {
    expect(
      concentration([
        { regionCode: 'B', value: 5 },
        { regionCode: 'A', value: 5 },
      ]),
    ).toMatchObject({ herfindahl: 0.5, normalisedHerfindahl: 0, topRegion: 'A' });
    expect(concentration([{ regionCode: 'A', value: 3 }])).toMatchObject({ herfindahl: 1, normalisedHerfindahl: 0 });
    expect(concentration([{ regionCode: 'A', value: 0 }])).toBeNull();
    expect(() => concentration([{ regionCode: 'A', value: -1 }])).toThrow(RangeError);
  });
});
