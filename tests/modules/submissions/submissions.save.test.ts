// A later draft save is one statement that checks the account, the campaign and the
// organisation itself instead of reading them first. Whatever changes between two
// saves, the next one is refused exactly as a fresh read would refuse it, and nothing
// is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let year = 2030;
const ngoForm = generateAnswersFor(VERSION, 'ngo', { seed: 11, missingRate: 0.2 });
const mvdForm = generateAnswersFor(VERSION, 'mvd', { seed: 12, missingRate: 0.2 });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** A collection whose focal point has saved once, so the next save takes the one-statement path. */
async function savedOnce(): Promise<Collection & { focalId: string }> {
  const c = await setUpCollection(t, 'ngo', (year += 1));
  const focal = await t.user(['focal_point'], c.organisationId);
  expect((await save({ ...c, focal: focal.token }, ngoForm, '"0"')).statusCode).toBe(200);
  return { ...c, focal: focal.token, focalId: focal.id };
}

const save = (c: Pick<Collection, 'url' | 'focal'>, content: object, etag: string) =>
  t.request(c.focal, { method: 'PUT', url: c.url, payload: { content }, headers: { 'if-match': etag } });

const revisions = async (c: Collection) =>
  (await t.request(c.admin, { method: 'GET', url: `${c.url}/revisions` })).json().length as number;

/** An admin's edit with the current ETag. */
async function edit(c: Collection, url: string, payload: object, method: 'PATCH' | 'PUT' = 'PATCH', etagUrl = url) {
  const etag = (await t.request(c.admin, { method: 'GET', url: etagUrl })).headers.etag as string;
  const res = await t.request(c.admin, { method, url, payload, headers: { 'if-match': etag } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('one-statement draft save', () => {
  it('saves again on the same form', async () => {
    const c = await savedOnce();
    const res = await save(c, ngoForm, '"1"');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revision).toBe(2);
  });

  it('refuses a disabled account with 401', async () => {
    const c = await savedOnce();
    await edit(c, `/api/v1/users/${c.focalId}`, { disabled: true });
    expect((await save(c, ngoForm, '"1"')).statusCode).toBe(401);
    expect(await revisions(c)).toBe(1);
  });

  it('refuses a token issued before a password reset with 401', async () => {
    const c = await savedOnce();
    const reset = await t.request(c.admin, {
      method: 'POST',
      url: `/api/v1/users/${c.focalId}/password`,
      payload: { password: `${TEST_PASSWORD}-new` },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await save(c, ngoForm, '"1"')).statusCode).toBe(401);
    expect(await revisions(c)).toBe(1);
  });

  it('refuses with 403 once the account is no longer a focal point of the organisation', async () => {
    const c = await savedOnce();
    await edit(c, `/api/v1/users/${c.focalId}`, { roles: ['expert'] });
    expect((await save(c, ngoForm, '"1"')).statusCode).toBe(403);
    const other = await savedOnce();
    await edit(other, `/api/v1/users/${other.focalId}`, { organisationId: c.organisationId });
    expect((await save(other, ngoForm, '"1"')).statusCode).toBe(403);
    expect(await revisions(c)).toBe(1);
    expect(await revisions(other)).toBe(1);
  });

  it('answers 403, not a validation error, to a caller who may not write there', async () => {
    const c = await savedOnce();
    const expert = { url: c.url, focal: c.expert };
    const res = await save(expert, { answers: { 's99.q1.nothing': { value: -1 } } }, '"1"');
    expect(res.statusCode).toBe(403);
    const noBody = await t.request(c.expert, { method: 'PUT', url: c.url, headers: { 'if-match': '"1"' } });
    expect(noBody.statusCode).toBe(403);
  });

  it('refuses once the campaign is closed', async () => {
    const c = await savedOnce();
    expect(
      (
        await t.request(c.admin, {
          method: 'POST',
          url: `/api/v1/campaigns/${c.campaignId}/close`,
          headers: { 'if-match': '"2"' },
        })
      ).statusCode,
    ).toBe(200);
    const res = await save(c, ngoForm, '"1"');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('submission.campaign_not_open');
    expect(await revisions(c)).toBe(1);
  });

  it('refuses once the organisation is no longer a recipient', async () => {
    const c = await savedOnce();
    const someoneElse = await t.organisation('ngo', 'almaty');
    await edit(
      c,
      `/api/v1/campaigns/${c.campaignId}/recipients`,
      { organisationIds: [someoneElse] },
      'PUT',
      `/api/v1/campaigns/${c.campaignId}`,
    );
    const refused = await save(c, ngoForm, '"1"');
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('submission.not_recipient');
    expect(await revisions(c)).toBe(1);
  });

  it('validates on the form the organisation has now, not the one it had', async () => {
    const c = await savedOnce();
    await edit(c, `/api/v1/organisations/${c.organisationId}`, { agencyType: 'mvd' });
    const stale = await save(c, ngoForm, '"1"');
    expect(stale.statusCode).toBe(422);
    expect(await revisions(c)).toBe(1);
    const fresh = await save(c, mvdForm, '"1"');
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json().revision).toBe(2);
  });
});
