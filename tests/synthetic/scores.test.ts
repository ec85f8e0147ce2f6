import { describe, expect, it } from 'vitest';
import { syntheticScores } from '../../src/synthetic/scores.js';

describe('synthetic expert scores', () => {
  it("depend on the seed and the panel position, not on the experts' database ids", () => {
    const codes = ['risk.a', 'risk.b', 'risk.c'];
    const strip = (ids: string[]) =>
      syntheticScores('national', codes, ids).map(({ expertId, ...rest }) => ({
        ...rest,
        expert: ids.indexOf(expertId),
      }));
    expect(strip(['11111111-aaaa', '22222222-bbbb'])).toEqual(strip(['f0f0-random', '0a0a-random']));
    expect(strip(['x', 'y'])).not.toEqual(
      syntheticScores('other', codes, ['x', 'y']).map(({ expertId, ...rest }) => ({
        ...rest,
        expert: ['x', 'y'].indexOf(expertId),
      })),
    );
  });
});
