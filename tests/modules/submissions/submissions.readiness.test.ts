// The completeness the page shows (readiness) and the submission refusal come from the same
// complete-mode validation: 100 % with no blocking issue exactly when Submit goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let c: Collection;

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCollection(t, 'mvd', 2025);
});
afterAll(() => t?.close());

const put = (content: object, revision: number) =>
  t.request(c.focal, { method: 'PUT', url: c.url, payload: { content }, headers: { 'if-match': `"${revision}"` } });
const submit = (revision: number, acknowledgements: Record<string, string> = {}) =>
  t.request(c.focal, {
    method: 'POST',
    url: `${c.url}/submit`,
    payload: { acknowledgements },
    headers: { 'if-match': `"${revision}"` },
  });

describe('readiness', () => {
  it('counts a "yes" without description as not done, skips breakdowns of an explained figure, and agrees with submit', async () => {
    const content = generateAnswersFor(VERSION, 'mvd', { seed: 11, missingRate: 0 });
    content.answers['s1.q1.legislation_gaps'] = { value: { answer: 'yes' } };
    const saved = await put(content, 0);
    expect(saved.statusCode, saved.body).toBe(200);
    const r1 = saved.json().readiness;
    // The save answers complete-mode issues: the page sees what submission will say.
    expect(saved.json().issues.map((i: { code: string }) => i.code)).toContain('yes_no.description_required');
    expect(r1.ready).toBe(r1.required - 1);
    expect(r1.blocking).toBeGreaterThan(0);
    const early = (
      await t.request(c.expert, { method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/progress` })
    ).json();
    expect(early.recipients[0].completeness).toMatchObject({ ready: r1.ready, required: r1.required });
    const refused = await submit(1);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('submission.incomplete');
    expect(refused.json().error.details.issues.map((i: { itemId: string }) => i.itemId)).toEqual([
      's1.q1.legislation_gaps',
    ]);

    // Fixed; the victims' figure explained and its three breakdowns left empty: nothing is demanded of them.
    content.answers['s1.q1.legislation_gaps'] = { value: { answer: 'yes', description: 'Пробелы в законе' } };
    content.answers['s2.q8.victims_total'] = { missingReason: 'not_collected' };
    for (const id of ['s2.q8.victims_by_age', 's2.q8.victims_by_citizenship', 's2.q8.victims_by_sex'])
      delete content.answers[id];
    const fixed = await put(content, 1);
    expect(fixed.statusCode, fixed.body).toBe(200);
    const r2 = fixed.json().readiness;
    expect(r2.skipped.sort()).toEqual(['s2.q8.victims_by_age', 's2.q8.victims_by_citizenship', 's2.q8.victims_by_sex']);
    expect([r2.ready, r2.blocking]).toEqual([r2.required, 0]);
    const view = (await t.request(c.focal, { method: 'GET', url: c.url })).json();
    expect(view.readiness).toEqual(r2);
    // The board shows the same completeness as the form.
    const board = (
      await t.request(c.expert, { method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/progress` })
    ).json();
    expect(board.recipients[0].completeness).toMatchObject({ ready: r2.ready, required: r2.required });
    expect(board.totals.completeness).toBe(1);

    let attempt = await submit(2);
    if (attempt.statusCode === 422 && attempt.json().error.code === 'submission.warnings_unacknowledged')
      attempt = await submit(
        2,
        Object.fromEntries(attempt.json().error.details.issues.map((i: { key: string }) => [i.key, 'Проверено'])),
      );
    expect(attempt.statusCode, attempt.body).toBe(200);
  });

  it('still refuses a draft that is malformed, with the item id', async () => {
    const other = await setUpCollection(t, 'mvd', 2026);
    const refused = await t.request(other.focal, {
      method: 'PUT',
      url: other.url,
      payload: { content: { answers: { 's1.q9.publications': { value: -1 } } } },
      headers: { 'if-match': '"0"' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.issues.map((i: { itemId: string; code: string }) => i.code)).toEqual([
      'count.negative',
    ]);
  });
});
