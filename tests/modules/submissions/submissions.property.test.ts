// Generated bad payloads thrown at the save endpoint: never a 5xx, never a stored revision.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import { setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let c: Collection;
const itemIds = getForm(VERSION, 'ngo').items.map((i) => i.id);

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCollection(t, 'ngo', 2025);
});
afterAll(() => t?.close());

/** Values that are wrong for at least some item kinds, and entries of the wrong shape. */
const badValue = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    null,
    true,
    [],
    {},
    'yes',
    { answer: 'maybe' },
    { total: -1, byCategory: {} },
    { total: 3, byCategory: { nope: 3 } },
  ),
  fc.anything({ maxDepth: 2 }),
);
const badEntry = fc.oneof(
  badValue.map((value) => ({ value })),
  fc.record({ missingReason: fc.string({ maxLength: 20 }) }),
  fc.record({ missingReason: fc.constant('other') }),
  fc.record({ value: fc.nat(), missingReason: fc.constant('not_collected') }),
  fc.string({ maxLength: 5000 }).map((s) => ({ value: { answer: 'yes', description: s.repeat(3) } })),
  fc.anything({ maxDepth: 2 }),
);
const badAnswers = fc.dictionary(fc.oneof(fc.constantFrom(...itemIds), fc.string({ maxLength: 40 })), badEntry, {
  minKeys: 1,
  maxKeys: 6,
});
const payload = fc.oneof(
  badAnswers.map((answers) => ({ content: { answers } })),
  fc.anything({ maxDepth: 3 }),
  badAnswers.map((answers) => ({ content: { answers }, extra: 1 })),
);

describe('save endpoint under generated bad payloads', () => {
  it('answers 4xx and stores nothing', async () => {
    // A generated payload can happen to be a valid partial draft (a string for a text item);
    // then it is stored as the next revision, and the test follows that revision.
    let revision = 0;
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const res = await t.request(c.focal, {
          method: 'PUT',
          url: c.url,
          payload: body as object,
          headers: { 'if-match': `"${revision}"`, 'content-type': 'application/json' },
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 200) revision = res.json().revision;
        else expect(res.json().error.code).toEqual(expect.any(String));
        const view = await t.request(c.focal, { method: 'GET', url: c.url });
        expect(view.json().revision).toBe(revision);
      }),
      { numRuns: 150, seed: 849410 },
    );
  });
});
