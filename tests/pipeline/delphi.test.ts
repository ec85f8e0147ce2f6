import { describe, expect, it } from 'vitest';
import {
  aggregateDelphi,
  heatMap,
  latestRounds,
  riskLevel,
  roundHalfUp,
  type ExpertScore,
} from '../../src/pipeline/delphi.js';

function scores(riskCode: string, round: number, pairs: [number, number][]): ExpertScore[] {
  return pairs.map(([likelihood, impact], k) => ({ riskCode, expertId: `e${k + 1}`, round, likelihood, impact }));
}

describe('riskLevel', () => {
  it('reproduces the 5x5 bands on integer products', () => {
    expect([1, 2, 3, 4].map(riskLevel)).toEqual(['low', 'low', 'low', 'low']);
    expect([5, 6, 8, 9, 10].map(riskLevel)).toEqual(Array(5).fill('medium'));
    expect([12, 15, 16].map(riskLevel)).toEqual(['high', 'high', 'high']);
    expect([20, 25].map(riskLevel)).toEqual(['critical', 'critical']);
  });
  it('classifies gaps and half products by the threshold below', () => {
    expect(riskLevel(4.5)).toBe('low');
    expect(riskLevel(11)).toBe('medium');
    expect(riskLevel(11.25)).toBe('medium');
    expect(riskLevel(17.5)).toBe('high');
    expect(riskLevel(19)).toBe('high');
  });
  it('roundHalfUp', () => {
    expect([1, 1.5, 2.5, 3.4, 4.5].map(roundHalfUp)).toEqual([1, 2, 3, 3, 5]);
  });
});

describe('aggregateDelphi', () => {
  it('computes medians, IQR, agreement, score and level', () => {
    // L: 3 4 4 5  -> median 4, Q1 = 3.75, Q3 = 4.25, IQR 0.5, all within +-1
    // I: 2 3 3 5  -> median 3, Q1 = 2.75, Q3 = 3.5,  IQR 0.75, 3/4 within +-1
    const [r] = aggregateDelphi(
      scores('R01', 1, [
        [3, 2],
        [4, 3],
        [4, 3],
        [5, 5],
      ]),
    );
    expect(r.nExperts).toBe(4);
    expect(r.medianLikelihood).toBe(4);
    expect(r.medianImpact).toBe(3);
    expect(r.iqrLikelihood).toBeCloseTo(0.5, 12);
    expect(r.iqrImpact).toBeCloseTo(0.75, 12);
    expect(r.agreementLikelihood).toBe(1);
    expect(r.agreementImpact).toBe(0.75);
    expect(r.score).toBe(12);
    expect(r.level).toBe('high');
    expect(r.status).toBe('consensus');
    expect(r.needsAnotherRound).toBe(false);
  });

  it('keeps half medians, scores their product and flags disagreement', () => {
    // L: 1 2 4 5 -> median 3, within +-1: 2, 4 -> 0.5
    // I: 2 2 3 3 -> median 2.5, within +-1: all
    const [r] = aggregateDelphi(
      scores('R02', 1, [
        [1, 2],
        [2, 2],
        [4, 3],
        [5, 3],
      ]),
    );
    expect(r.medianLikelihood).toBe(3);
    expect(r.medianImpact).toBe(2.5);
    expect(r.score).toBe(7.5);
    expect(r.level).toBe('medium');
    expect(r.agreementLikelihood).toBe(0.5);
    expect(r.status).toBe('no_consensus');
    expect(r.needsAnotherRound).toBe(true);
  });

  it('requires minExperts for consensus', () => {
    const [r] = aggregateDelphi(
      scores('R03', 1, [
        [3, 3],
        [3, 3],
      ]),
    );
    expect(r.status).toBe('insufficient_experts');
    expect(
      aggregateDelphi(
        scores('R03', 1, [
          [3, 3],
          [3, 3],
        ]),
        { minExperts: 2 },
      )[0].status,
    ).toBe('consensus');
  });

  it('groups by risk and round, sorted, and picks the latest round', () => {
    const all = [
      ...scores('R2', 2, [
        [4, 4],
        [4, 4],
        [4, 5],
      ]),
      ...scores('R1', 1, [
        [1, 1],
        [5, 5],
        [3, 3],
      ]),
      ...scores('R2', 1, [
        [1, 4],
        [5, 4],
        [3, 3],
      ]),
    ];
    const res = aggregateDelphi(all);
    expect(res.map((r) => [r.riskCode, r.round])).toEqual([
      ['R1', 1],
      ['R2', 1],
      ['R2', 2],
    ]);
    expect(latestRounds(res).map((r) => [r.riskCode, r.round])).toEqual([
      ['R1', 1],
      ['R2', 2],
    ]);
  });

  it('rejects invalid and duplicate scores', () => {
    expect(() => aggregateDelphi(scores('R', 1, [[0, 3]]))).toThrow(RangeError);
    expect(() => aggregateDelphi(scores('R', 1, [[2.5, 3]]))).toThrow(RangeError);
    expect(() => aggregateDelphi(scores('R', 1, [[3, 6]]))).toThrow(RangeError);
    const dup = [...scores('R', 1, [[3, 3]]), ...scores('R', 1, [[4, 4]])];
    expect(() => aggregateDelphi(dup)).toThrow(/twice/);
  });
});

describe('heatMap', () => {
  it('counts risks per rounded (L, I) cell', () => {
    const res = aggregateDelphi([
      ...scores('A', 1, [
        [4, 3],
        [4, 3],
        [4, 3],
      ]),
      ...scores('B', 1, [
        [3, 2],
        [4, 3],
      ]), // medians 3.5, 2.5 -> cell (4, 3)
      ...scores('C', 1, [
        [1, 5],
        [1, 5],
        [1, 5],
      ]),
    ]);
    const hm = heatMap(res);
    expect(hm.counts[3][2]).toBe(2);
    expect(hm.riskCodes[3][2]).toEqual(['A', 'B']);
    expect(hm.counts[0][4]).toBe(1);
    expect(hm.counts.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(() => heatMap([...res, res[0]])).toThrow(RangeError);
  });
});
