// Facts sent to the render worker as columns, in batches, come back exactly: nulls stay null (a value of 0
// is not a missing value), awkward text is kept, and so is the order across batches.
import { describe, expect, it } from 'vitest';
import { decodeFacts, encodeFacts, factColumnBuffers } from '../../../src/modules/reports/reports.fact-columns.js';
import type { NumericFact } from '../../../src/pipeline/facts.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

describe('fact columns', () => {
  it('decode what they encode, field by field', () => {
    const awkward: NumericFact[] = [
      {
        year: 2024,
        organisationId: 'o1',
        agencyType: 'mvd',
        region: 'almaty',
        itemId: 'a',
        dimension: null,
        category: null,
        value: 0,
        missingReason: null,
      },
      {
        year: 2025,
        organisationId: 'o1',
        agencyType: 'mvd',
        region: 'almaty',
        itemId: 'a',
        dimension: 'sex',
        category: 'female',
        value: null,
        missingReason: 'not_collected',
      },
      {
        year: 2026,
        organisationId: 'o2',
        agencyType: 'ngo',
        region: 'Қарағанды\t"x"',
        itemId: 'b',
        dimension: '',
        category: '',
        value: -1.5,
        missingReason: null,
      },
    ];
    const facts = [...awkward, ...syntheticAssessmentInput({ scale: 0.2, seed: 'columns' }).facts];
    const cuts = [0, 1, 2, 500, facts.length];
    const batches = cuts.slice(1).map((end, i) => {
      const columns = encodeFacts(facts.slice(cuts[i], end));
      return structuredClone(columns, { transfer: factColumnBuffers(columns) });
    });
    expect(batches[3]!.strings.length).toBeLessThan(facts.length - 500);
    const back = decodeFacts(batches);
    expect(back).toEqual(facts);
    expect(back[0]!.value).toBe(0);
    expect(back[1]!.value).toBeNull();
  });
});
