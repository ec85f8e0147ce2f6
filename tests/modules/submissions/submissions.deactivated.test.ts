// A deactivated organisation is no longer a counter-trafficking subject that reports:
// its focal points still read their data but cannot write, on the one-statement save
// path (a form hint from an earlier save) as on every other, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let year = 2040;
const nextYear = () => {
  year += 1;
  return year;
};
const form = generateAnswersFor(VERSION, 'ngo', { seed: 21, missingRate: 0.1 });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const save = (c: Collection, etag: string) =>
  t.request(c.focal, { method: 'PUT', url: c.url, payload: { content: form }, headers: { 'if-match': etag } });
const revision = async (c: Collection) =>
  (await t.request(c.admin, { method: 'GET', url: c.url })).json().revision as number;

async function deactivate(c: Collection) {
  const url = `/api/v1/organisations/${c.organisationId}`;
  const etag = (await t.request(c.admin, { method: 'GET', url })).headers.etag as string;
  const res = await t.request(c.admin, {
    method: 'PATCH',
    url,
    payload: { active: false },
    headers: { 'if-match': etag },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const expectInactive = (res: { statusCode: number; body: string; json: () => { error: { code: string } } }) => {
  expect(res.statusCode, res.body).toBe(403);
  expect(res.json().error.code).toBe('submission.organisation_inactive');
};

describe('deactivated organisation', () => {
  it('cannot save a later draft (one-statement path), nor submit', async () => {
    const c = await setUpCollection(t, 'ngo', nextYear());
    expect((await save(c, '"0"')).statusCode).toBe(200);
    expect((await save(c, '"1"')).statusCode).toBe(200);
    await deactivate(c);
    expectInactive(await save(c, '"2"'));
    expectInactive(
      await t.request(c.focal, { method: 'POST', url: `${c.url}/submit`, payload: {}, headers: { 'if-match': '"2"' } }),
    );
    expect(await revision(c)).toBe(2);
    // Reading stays possible.
    expect((await t.request(c.focal, { method: 'GET', url: c.url })).statusCode).toBe(200);
  });

  it('cannot save a first draft', async () => {
    const c = await setUpCollection(t, 'ngo', nextYear());
    await deactivate(c);
    expectInactive(await save(c, '"0"'));
    expect(await revision(c)).toBe(0);
  });
});
