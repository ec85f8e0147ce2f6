// Every draft write is merged item by item against the revision it was based on: items
// changed on one side only are kept, an item changed on both sides to different values is
// a 409 listing every such item (base, current with who and when, incoming) and nothing is
// stored. Through the real app, on PGlite or PostgreSQL (DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeContents } from '../../../src/modules/submissions/submissions.merge.js';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { firstItemOfKind, setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let year = 2040;
const full = generateAnswersFor(VERSION, 'ngo', { seed: 21, missingRate: 0 });
const ids = Object.keys(full.answers);
const count = firstItemOfKind('ngo', 'count');
const text = firstItemOfKind('ngo', 'text');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const put = (c: Collection, content: object, etag: number, token = c.focal) =>
  t.request(token, { method: 'PUT', url: c.url, payload: { content }, headers: { 'if-match': `"${etag}"` } });
const current = async (c: Collection) => (await t.request(c.focal, { method: 'GET', url: c.url })).json();
const revisions = async (c: Collection) =>
  (await t.request(c.focal, { method: 'GET', url: `${c.url}/revisions` })).json().length as number;
const withValue = (
  content: { answers: Record<string, unknown> },
  id: string,
  value: unknown,
): { answers: Record<string, unknown> } => ({ answers: { ...content.answers, [id]: { value } } });

/** A draft at revision 1 holding `full`, and a second focal point of the organisation. */
async function started() {
  const c = await setUpCollection(t, 'ngo', (year += 1));
  const colleague = await t.user(['focal_point'], c.organisationId);
  expect((await put(c, full, 0)).statusCode).toBe(200);
  return { c, colleague };
}

describe('mergeContents', () => {
  const a = { value: 1 };
  const b = { value: 2 };
  it('keeps one-sided changes, agrees on equal ones, and reports the rest', () => {
    const base = { answers: { x: a, y: a, z: a, w: a } };
    const current = { answers: { x: b, y: a, z: b, w: b } };
    const incoming = { answers: { x: a, y: b, z: { value: 3 } } };
    const r = mergeContents(base, current, incoming);
    expect(r.merged.answers).toEqual({ x: b, y: b, z: b, w: b }); // conflicting items keep the current value
    expect(r.conflicts).toEqual(['w', 'z']); // w: removed here, changed there
    expect(r.theirs).toEqual(['x']);
  });
  it('treats key order inside a value as the same value', () => {
    const r = mergeContents(
      { answers: {} },
      { answers: { t: { value: { total: 1, byCategory: {} } } } },
      { answers: { t: { value: { byCategory: {}, total: 1 } } } },
    );
    expect(r.conflicts).toEqual([]);
  });
});

describe('draft writes based on an older revision', () => {
  it('case 1: an edit saved since the base is kept when the other writer changed other items', async () => {
    const { c, colleague } = await started();
    expect((await put(c, withValue(full, count, 777), 1, colleague.token)).statusCode).toBe(200);
    const res = await put(c, withValue(full, text, 'from the other tab'), 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 3, merged: { baseRevision: 1, theirs: [count] } });
    expect(res.json().merged.content.answers[count]).toEqual({ value: 777 });
    const after = await current(c);
    expect(after.content.answers[count]).toEqual({ value: 777 });
    expect(after.content.answers[text]).toEqual({ value: 'from the other tab' });
  });

  it('same item changed on both sides: 409 with base, current (who and when) and incoming, nothing stored', async () => {
    const { c, colleague } = await started();
    expect((await put(c, withValue(withValue(full, count, 777), text, 'theirs'), 1, colleague.token)).statusCode).toBe(
      200,
    );
    const res = await put(c, withValue(withValue(full, count, 5), text, 'mine'), 1);
    expect(res.statusCode, res.body).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('submission.conflict');
    expect(error.details).toMatchObject({ currentVersion: 2, baseVersion: 1 });
    expect(error.details.conflicts.map((x: { itemId: string }) => x.itemId).sort()).toEqual([count, text].sort());
    const item = error.details.conflicts.find((x: { itemId: string }) => x.itemId === count);
    expect(item).toMatchObject({
      base: full.answers[count],
      current: { value: 777 },
      incoming: { value: 5 },
      changedBy: colleague.id,
      changedInRevision: 2,
    });
    expect(Date.parse(item.changedAt)).not.toBeNaN();
    expect(await revisions(c)).toBe(2);
    expect((await current(c)).content.answers[count]).toEqual({ value: 777 });
    // Resolved per item against the new base: keep mine for one, theirs for the other.
    const resolved = { answers: { ...error.details.merged.answers, [count]: { value: 5 } } };
    const again = await put(c, resolved, error.details.currentVersion);
    expect(again.statusCode, again.body).toBe(200);
    const after = (await current(c)).content.answers;
    expect([after[count], after[text]]).toEqual([{ value: 5 }, { value: 'theirs' }]);
  });

  it('both sides changing an item to the same value is no conflict', async () => {
    const { c, colleague } = await started();
    expect((await put(c, withValue(full, count, 9), 1, colleague.token)).statusCode).toBe(200);
    expect((await put(c, withValue(full, count, 9), 1)).statusCode).toBe(200);
  });

  it('an item removed on one side and untouched on the other stays removed', async () => {
    const { c, colleague } = await started();
    const { [count]: _removed, ...rest } = full.answers;
    expect((await put(c, { answers: rest }, 1, colleague.token)).statusCode).toBe(200);
    expect((await put(c, withValue(full, text, 'x'), 1)).statusCode).toBe(200);
    expect((await current(c)).content.answers[count]).toBeUndefined();
  });

  it('a base the draft never reached is refused as stale', async () => {
    const { c } = await started();
    const res = await put(c, full, 7);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'version.stale', details: { currentVersion: 1 } });
  });

  it('case 9: two tabs of the same person on different items both land; on one item the conflict names that person', async () => {
    const { c } = await started();
    const tabA = withValue(full, count, 1);
    const tabB = withValue(full, text, 'tab B');
    expect((await put(c, tabA, 1)).statusCode).toBe(200);
    const b = await put(c, tabB, 1);
    expect(b.statusCode, b.body).toBe(200);
    expect((await current(c)).content.answers).toMatchObject({ [count]: { value: 1 }, [text]: { value: 'tab B' } });
    const me = (await t.request(c.focal, { method: 'GET', url: '/api/v1/auth/me' })).json();
    const clash = await put(c, withValue(full, count, 2), 1);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.conflicts).toEqual([
      expect.objectContaining({ itemId: count, changedBy: me.id }),
    ]);
  });
});

describe('concurrent writers with the same base', () => {
  it('on different items: both land', async () => {
    const { c, colleague } = await started();
    const [r1, r2] = await Promise.all([
      put(c, withValue(full, count, 31), 1),
      put(c, withValue(full, text, 'concurrent'), 1, colleague.token),
    ]);
    expect([r1.statusCode, r2.statusCode], r1.body + r2.body).toEqual([200, 200]);
    const after = await current(c);
    expect(after.revision).toBe(3);
    expect(after.content.answers[count]).toEqual({ value: 31 });
    expect(after.content.answers[text]).toEqual({ value: 'concurrent' });
  });

  it('on the same item: one lands, the other gets the conflict', async () => {
    const { c, colleague } = await started();
    const [r1, r2] = await Promise.all([
      put(c, withValue(full, count, 41), 1),
      put(c, withValue(full, count, 42), 1, colleague.token),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json().error.code).toBe('submission.conflict');
    expect(await revisions(c)).toBe(2);
  });

  it('first saves of two writers on different items both land', async () => {
    const c = await setUpCollection(t, 'ngo', (year += 1));
    const colleague = await t.user(['focal_point'], c.organisationId);
    const [r1, r2] = await Promise.all([
      put(c, { answers: { [ids[0]!]: full.answers[ids[0]!] } }, 0),
      put(c, { answers: { [ids[1]!]: full.answers[ids[1]!] } }, 0, colleague.token),
    ]);
    expect([r1.statusCode, r2.statusCode], r1.body + r2.body).toEqual([200, 200]);
    expect(Object.keys((await current(c)).content.answers).sort()).toEqual([ids[0], ids[1]].sort());
  });
});
