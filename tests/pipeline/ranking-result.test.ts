// The stored ranking result: order, Kendall scope, and invariance to input order.
import { describe, expect, it } from 'vitest';
import type { ExpertScore } from '../../src/pipeline/delphi.js';
import { kendallW } from '../../src/pipeline/kendall.js';
import { buildRankingResult, kendallScope } from '../../src/pipeline/ranking-result.js';
import { createRng } from '../../src/synthetic/random.js';

const s = (expertId: string, riskCode: string, likelihood: number, impact: number, round = 1): ExpertScore => ({
  expertId,
  riskCode,
  likelihood,
  impact,
  round,
});

describe('buildRankingResult', () => {
  it('orders by score, then evidence, then code, and uses each risk latest round', () => {
    const scores = [
      s('e1', 'c', 4, 4),
      s('e2', 'c', 4, 4),
      s('e3', 'c', 4, 4),
      s('e1', 'a', 3, 3),
      s('e2', 'a', 3, 3),
      s('e3', 'a', 3, 3),
      s('e1', 'b', 3, 3),
      s('e2', 'b', 3, 3),
      s('e3', 'b', 3, 3),
      s('e1', 'd', 3, 3),
      s('e2', 'd', 3, 3),
      s('e3', 'd', 3, 3),
      // Round 2 re-scores d only: d's latest round is 2, the others keep round 1.
      s('e1', 'd', 5, 5, 2),
      s('e2', 'd', 5, 4, 2),
      s('e3', 'd', 5, 5, 2),
      // A round beyond the current one is ignored.
      s('e1', 'a', 1, 1, 3),
    ];
    const { result } = buildRankingResult({
      riskRegisterVersion: '2024-v1',
      round: 2,
      scores,
      riskEvidence: new Map([
        ['a', 2],
        ['b', 7],
        ['c', null],
      ]),
      regionEvidence: [
        { regionCode: 'x', evidence: 1 },
        { regionCode: 'y', evidence: 9 },
        { regionCode: 'z', evidence: null },
      ],
    });
    expect(result.risks.map((r) => [r.riskCode, r.round, r.score, r.position])).toEqual([
      ['d', 2, 25, 1],
      ['c', 1, 16, 2],
      ['b', 1, 9, 3],
      ['a', 1, 9, 4],
    ]);
    expect(result.risks[0].level).toBe('critical');
    expect(result.risks.find((r) => r.riskCode === 'c')!.evidence).toBeNull();
    expect(result.regions.map((r) => r.regionCode)).toEqual(['y', 'x', 'z']);
    expect(result.heatMap.riskCodes[4][4]).toEqual(['d']);
    // Round 2 has only risk d: too few objects for W.
    expect(result.kendall.W).toBeNull();
    expect(result.round).toBe(2);
  });

  it('computes W over the risks every expert of the round scored, on L x I', () => {
    const scores = [
      s('e1', 'a', 1, 1),
      s('e1', 'b', 2, 2),
      s('e1', 'c', 3, 3),
      s('e2', 'a', 1, 2),
      s('e2', 'b', 2, 3),
      s('e2', 'c', 5, 5),
      s('e3', 'a', 2, 1),
      s('e3', 'b', 3, 3),
    ];
    expect(kendallScope(scores, 1)).toEqual({ experts: ['e1', 'e2', 'e3'], riskCodes: ['a', 'b'] });
    const { result } = buildRankingResult({
      riskRegisterVersion: 'v',
      round: 1,
      scores,
      riskEvidence: new Map(),
      regionEvidence: [],
    });
    expect(result.kendall).toEqual(
      kendallW([
        [1, 4],
        [2, 6],
        [2, 9],
      ]),
    );
    expect(result.kendall.W).toBe(1);
  });

  it('gives the same result for any order of scores, evidence and regions', () => {
    const rng = createRng(11);
    const scores: ExpertScore[] = [];
    for (const e of ['e1', 'e2', 'e3', 'e4', 'e5'])
      for (const r of ['r01', 'r02', 'r03', 'r04', 'r05', 'r06', 'r07', 'r08', 'r09'])
        scores.push(s(e, r, rng.int(1, 5), rng.int(1, 5)));
    const evidence = [...'123456789'].map(
      (k, i) => [`r0${k}`, i % 3 === 0 ? null : rng.next() * 10] as [string, number | null],
    );
    const regions = ['almaty', 'astana', 'shymkent', 'abai'].map((regionCode) => ({
      regionCode,
      evidence: rng.int(0, 3),
    }));
    const inputs = {
      riskRegisterVersion: 'v',
      round: 1,
      scores,
      riskEvidence: new Map(evidence),
      regionEvidence: regions,
    };
    const a = buildRankingResult(inputs);
    const b = buildRankingResult({
      ...inputs,
      scores: [...scores].reverse(),
      riskEvidence: new Map([...evidence].reverse()),
      regionEvidence: [...regions].reverse(),
    });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.result.kendall.W).not.toBeNull();
  });
});
