import { describe, expect, it } from 'vitest';
import { rankRegions, rankRisks, type RiskRankInput } from '../../src/pipeline/ranking.js';
import { mulberry32, shuffle } from '../../src/pipeline/stats.js';

const risks: RiskRankInput[] = [
  { riskCode: 'R05', score: 12, evidence: 4 },
  { riskCode: 'R01', score: 16, evidence: 2 },
  { riskCode: 'R03', score: 12, evidence: 7.5 },
  { riskCode: 'R02', score: 12, evidence: 4 },
  { riskCode: 'R04', score: 7.5, evidence: null },
  { riskCode: 'R06', score: 7.5, evidence: 0 },
  { riskCode: 'R07', score: 20, evidence: null },
  { riskCode: 'R08', score: 12, evidence: 0.1 + 0.2 + 3.7 }, // 4 up to float noise
];

describe('rankRisks', () => {
  it('orders by score desc, evidence desc (null last), code asc', () => {
    const r = rankRisks(risks);
    expect(r.map((x) => x.riskCode)).toEqual(['R07', 'R01', 'R03', 'R02', 'R05', 'R08', 'R06', 'R04']);
    expect(r.map((x) => x.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // R02, R05 and R08 tie on score and (quantised) evidence.
    expect(r.map((x) => x.rank)).toEqual([1, 2, 3, 4, 4, 4, 7, 8]);
  });

  it('is stable under reordering of the input', () => {
    const expected = rankRisks(risks);
    const rng = mulberry32(2024);
    for (let k = 0; k < 50; k++) {
      expect(rankRisks(shuffle(risks, rng))).toEqual(expected);
    }
  });

  it('does not mutate the input and rejects duplicates / non-finite', () => {
    const copy = risks.map((r) => ({ ...r }));
    rankRisks(risks);
    expect(risks).toEqual(copy);
    expect(() => rankRisks([risks[0], risks[0]])).toThrow(RangeError);
    expect(() => rankRisks([{ riskCode: 'X', score: NaN, evidence: 1 }])).toThrow(RangeError);
    expect(rankRisks([])).toEqual([]);
  });
});

describe('rankRegions', () => {
  it('orders by evidence desc, null last, then code, and is order independent', () => {
    const regions = [
      { regionCode: 'SHY', evidence: 6 },
      { regionCode: 'ALA', evidence: 8.2 },
      { regionCode: 'AST', evidence: 6 },
      { regionCode: 'ABY', evidence: null },
      { regionCode: 'KAR', evidence: 0 },
    ];
    const r = rankRegions(regions);
    expect(r.map((x) => x.regionCode)).toEqual(['ALA', 'AST', 'SHY', 'KAR', 'ABY']);
    expect(r.map((x) => x.rank)).toEqual([1, 2, 2, 4, 5]);
    const rng = mulberry32(5);
    for (let k = 0; k < 20; k++) expect(rankRegions(shuffle(regions, rng))).toEqual(r);
  });
});
