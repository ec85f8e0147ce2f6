// The yearly cycle through HTTP: draft -> refused submit -> complete -> submit ->
// return with comments -> fix -> resubmit -> accept, with progress at each step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { firstItemOfKind, setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let c: Collection;
const complete = generateAnswersFor(VERSION, 'ngo', { seed: 7, missingRate: 0.2 });

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCollection(t, 'ngo', 2025);
});
afterAll(() => t?.close());

const get = (token = c.focal) => t.request(token, { method: 'GET', url: c.url });
const put = (content: object, etag: string | undefined, token = c.focal) =>
  t.request(token, {
    method: 'PUT',
    url: c.url,
    payload: { content },
    headers: etag === undefined ? {} : { 'if-match': etag },
  });
const post = (action: string, etag: string, payload: object = {}, token = c.focal) =>
  t.request(token, { method: 'POST', url: `${c.url}/${action}`, payload, headers: { 'if-match': etag } });
const progress = async () =>
  (await t.request(c.admin, { method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/progress` })).json();

describe('submission lifecycle', () => {
  it('runs the whole cycle', async () => {
    const first = await get();
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"0"');
    expect(first.json().status).toBe('not_started');
    expect((await progress()).recipients[0].status).toBe('not_started');

    // A draft needs If-Match.
    expect((await put({ answers: {} }, undefined)).statusCode).toBe(428);

    const partial = { answers: Object.fromEntries(Object.entries(complete.answers).slice(0, 5)) };
    const saved = await put(partial, '"0"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect((await progress()).recipients[0].status).toBe('draft');

    const refused = await post('submit', '"1"');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('submission.incomplete');
    const missing = refused.json().error.details.issues.map((i: { itemId: string }) => i.itemId);
    expect(missing).toContain(Object.keys(complete.answers)[10]);

    expect((await put(complete, '"1"')).statusCode).toBe(200);
    let attempt = await post('submit', '"2"');
    if (attempt.statusCode === 422 && attempt.json().error.code === 'submission.warnings_unacknowledged') {
      const acknowledgements = Object.fromEntries(
        attempt.json().error.details.issues.map((i: { key: string }) => [i.key, 'checked with the registry']),
      );
      attempt = await post('submit', '"2"', { acknowledgements });
    }
    expect(attempt.statusCode, attempt.body).toBe(200);
    expect(attempt.json()).toEqual({ revision: 3, status: 'submitted' });
    const afterSubmit = (await progress()).recipients[0];
    expect(afterSubmit.status).toBe('submitted');
    expect(afterSubmit.timeliness).toBe('on_time');

    // Submitted content is immutable.
    const locked = await put(complete, '"3"');
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('submission.locked');

    const itemId = Object.keys(complete.answers)[0]!;
    const returned = await post(
      'return',
      '"3"',
      { comments: [{ itemId, comment: 'Please check the figure' }] },
      c.expert,
    );
    expect(returned.statusCode, returned.body).toBe(200);
    const view = (await get()).json();
    expect(view.status).toBe('returned');
    expect(view.comments).toEqual([expect.objectContaining({ itemId, comment: 'Please check the figure' })]);

    const fixed = {
      answers: { ...complete.answers, [itemId]: { missingReason: 'other', missingComment: 'corrected after review' } },
    };
    expect((await put(fixed, '"4"')).statusCode).toBe(200);
    let resubmit = await post('submit', '"5"');
    if (resubmit.statusCode === 422) {
      const acknowledgements = Object.fromEntries(
        resubmit.json().error.details.issues.map((i: { key: string }) => [i.key, 'checked']),
      );
      resubmit = await post('submit', '"5"', { acknowledgements });
    }
    expect(resubmit.statusCode, resubmit.body).toBe(200);
    const accepted = await post('accept', '"6"', {}, c.expert);
    expect(accepted.json()).toEqual({ revision: 7, status: 'accepted' });
    expect((await progress()).recipients[0].status).toBe('accepted');

    const history = (await t.request(c.focal, { method: 'GET', url: `${c.url}/revisions` })).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'accept',
      'submit',
      'save',
      'return',
      'submit',
      'save',
      'save',
    ]);
    const diff = (await t.request(c.focal, { method: 'GET', url: `${c.url}/diff?from=4&to=5` })).json();
    expect(diff).toEqual([expect.objectContaining({ itemId, change: 'changed' })]);
    // The whole history with each revision's changes against the one before, in one request.
    const withChanges = (
      await t.request(c.focal, { method: 'GET', url: `${c.url}/revisions?changes=true` })
    ).json() as { revision: number; changes: { itemId: string; change: string }[] }[];
    const changesOf = new Map(withChanges.map((h) => [h.revision, h.changes]));
    expect(changesOf.get(5)).toEqual([{ itemId, change: 'changed' }]);
    expect(changesOf.get(1)).toHaveLength(Object.keys(partial.answers).length);
    expect(changesOf.get(1)!.every((ch) => ch.change === 'added')).toBe(true);
    for (const transition of [3, 4, 6, 7]) expect(changesOf.get(transition)).toEqual([]);
    expect(changesOf.get(2)!.length).toBeGreaterThan(0);

    const audit = (await t.request(c.admin, { method: 'GET', url: `/api/v1/audit?objectType=submission` })).json();
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'submission.accept',
      'submission.submit',
      'submission.return',
      'submission.submit',
    ]);
  });

  it('refuses bad input with item ids, in the requested language, and stores nothing', async () => {
    const other = await setUpCollection(t, 'ngo', 2026);
    const countItem = firstItemOfKind('ngo', 'count');
    const bad = await t.request(other.focal, {
      method: 'PUT',
      url: `${other.url}?lang=kk`,
      payload: { content: { answers: { [countItem]: { value: -3 }, 's99.q1.nothing': { value: 1 } } } },
      headers: { 'if-match': '"0"' },
    });
    expect(bad.statusCode).toBe(422);
    const issues = bad.json().error.details.issues as { itemId: string; message: string }[];
    expect(issues.map((i) => i.itemId).sort()).toEqual([countItem, 's99.q1.nothing'].sort());
    expect(bad.json().error.message).toMatch(/[әғқңөұүһі]/i);
    const after = (await t.request(other.focal, { method: 'GET', url: other.url })).json();
    expect(after.revision).toBe(0);
  });

  it('lets a focal point withdraw a submission before the deadline, but not an accepted one', async () => {
    const w = await setUpCollection(t, 'ngo', 2029);
    const call = (action: string, etag: string, token = w.focal, payload: object = {}) =>
      t.request(token, { method: 'POST', url: `${w.url}/${action}`, payload, headers: { 'if-match': etag } });
    const submit = async (etag: string) => {
      const first = await call('submit', etag);
      if (first.statusCode !== 422) return first;
      const acknowledgements = Object.fromEntries(
        first.json().error.details.issues.map((i: { key: string }) => [i.key, 'ok']),
      );
      return call('submit', etag, w.focal, { acknowledgements });
    };
    expect(
      (
        await t.request(w.focal, {
          method: 'PUT',
          url: w.url,
          payload: { content: complete },
          headers: { 'if-match': '"0"' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await submit('"1"')).statusCode).toBe(200);
    expect((await call('withdraw', '"2"')).json()).toEqual({ revision: 3, status: 'draft' });
    expect((await submit('"3"')).statusCode).toBe(200);
    expect((await call('accept', '"4"', w.expert)).statusCode).toBe(200);
    expect((await call('withdraw', '"5"')).statusCode).toBe(409);
    expect((await t.request(w.focal, { method: 'GET', url: w.url })).json().status).toBe('accepted');
  });

  it('marks a submission after the deadline as late', async () => {
    const late = await setUpCollection(t, 'ngo', 2024, { requestDate: '2025-01-10', deadline: '2025-02-10' });
    const content = generateAnswersFor(VERSION, 'ngo', { seed: 3, missingRate: 0.3 });
    expect(
      (
        await t.request(late.focal, {
          method: 'PUT',
          url: late.url,
          payload: { content },
          headers: { 'if-match': '"0"' },
        })
      ).statusCode,
    ).toBe(200);
    let res = await t.request(late.focal, {
      method: 'POST',
      url: `${late.url}/submit`,
      payload: {},
      headers: { 'if-match': '"1"' },
    });
    if (res.statusCode === 422) {
      const acknowledgements = Object.fromEntries(
        res.json().error.details.issues.map((i: { key: string }) => [i.key, 'ok']),
      );
      res = await t.request(late.focal, {
        method: 'POST',
        url: `${late.url}/submit`,
        payload: { acknowledgements },
        headers: { 'if-match': '"1"' },
      });
    }
    expect(res.statusCode, res.body).toBe(200);
    const p = (
      await t.request(late.admin, { method: 'GET', url: `/api/v1/campaigns/${late.campaignId}/progress` })
    ).json();
    expect(p.recipients[0].timeliness).toBe('late');
    expect(p.totals.late).toBe(1);
    // Withdrawal is only possible before the deadline.
    const withdraw = await t.request(late.focal, {
      method: 'POST',
      url: `${late.url}/withdraw`,
      payload: {},
      headers: { 'if-match': '"2"' },
    });
    expect(withdraw.json().error.code).toBe('submission.deadline_passed');
  });
});

describe('concurrency', () => {
  it('merges two writers with the same ETag item by item instead of refusing one', async () => {
    const k = await setUpCollection(t, 'ngo', 2027);
    const second = (await t.user(['focal_point'], k.organisationId)).token;
    const a = { answers: Object.fromEntries(Object.entries(complete.answers).slice(0, 3)) };
    const b = { answers: Object.fromEntries(Object.entries(complete.answers).slice(3, 6)) };
    expect(
      (await t.request(k.focal, { method: 'PUT', url: k.url, payload: { content: a }, headers: { 'if-match': '"0"' } }))
        .statusCode,
    ).toBe(200);
    const [r1, r2] = await Promise.all([
      t.request(k.focal, { method: 'PUT', url: k.url, payload: { content: a }, headers: { 'if-match': '"1"' } }),
      t.request(second, { method: 'PUT', url: k.url, payload: { content: b }, headers: { 'if-match': '"1"' } }),
    ]);
    // The first changed nothing; the second replaced a's items by b's: no item changed on both sides.
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    const history = (await t.request(k.focal, { method: 'GET', url: `${k.url}/revisions` })).json();
    expect(history).toHaveLength(3);
    expect((await t.request(k.focal, { method: 'GET', url: k.url })).json().content).toEqual(b);
  });
});

describe('access', () => {
  it('keeps focal points to their own organisation; children are read-only', async () => {
    const parent = await t.organisation('mio', 'almaty');
    const child = await t.organisation('mio', 'almaty', parent);
    const stranger = await t.organisation('ngo', 'astana');
    const admin = (await t.user(['admin'])).token;
    const { openCampaign } = await import('../../helpers/collection.js');
    const campaignId = await openCampaign(t, admin, { reportingYear: 2028, recipients: [parent, child, stranger] });
    const parentFocal = (await t.user(['focal_point'], parent)).token;
    const childUrl = `/api/v1/campaigns/${campaignId}/submissions/${child}`;
    expect((await t.request(parentFocal, { method: 'GET', url: childUrl })).statusCode).toBe(200);
    expect(
      (
        await t.request(parentFocal, {
          method: 'PUT',
          url: childUrl,
          payload: { content: { answers: {} } },
          headers: { 'if-match': '"0"' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request(parentFocal, { method: 'GET', url: `/api/v1/campaigns/${campaignId}/submissions/${stranger}` }))
        .statusCode,
    ).toBe(404);
    const list = (
      await t.request(parentFocal, { method: 'GET', url: `/api/v1/campaigns/${campaignId}/submissions` })
    ).json();
    expect(list.map((s: { organisationId: string }) => s.organisationId).sort()).toEqual([parent, child].sort());
  });
});
