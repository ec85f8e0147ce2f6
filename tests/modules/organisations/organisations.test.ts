import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user(['admin'])).token;
});
afterAll(() => t?.close());

const create = (payload: Record<string, unknown>) =>
  t.request(admin, {
    method: 'POST',
    url: '/api/v1/organisations',
    payload: { agencyType: 'mvd', region: 'astana', name: { kk: 'ІІМ', ru: 'МВД' }, ...payload },
  });
const patch = (id: string, payload: Record<string, unknown>, etag?: string) =>
  t.request(admin, {
    method: 'PATCH',
    url: `/api/v1/organisations/${id}`,
    payload,
    headers: etag === undefined ? {} : { 'if-match': etag },
  });
const get = (token: string, id: string) => t.request(token, { method: 'GET', url: `/api/v1/organisations/${id}` });
const list = async (token: string, query = '') =>
  ((await t.request(token, { method: 'GET', url: `/api/v1/organisations${query}` })).json() as { id: string }[]).map(
    (o) => o.id,
  );

describe('organisations (admin)', () => {
  it('creates an organisation with names in both languages, audited', async () => {
    const res = await create({ region: 'almaty', name: { kk: 'Алматы ІІД', ru: 'ДП Алматы' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      agencyType: 'mvd',
      region: 'almaty',
      parentId: null,
      name: { kk: 'Алматы ІІД', ru: 'ДП Алматы' },
      active: true,
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');
    const audit = (
      await t.request(admin, { method: 'GET', url: `/api/v1/audit?objectType=organisation&objectId=${res.json().id}` })
    ).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['organisation.create']);
  });

  it('refuses unknown reference codes and an unknown parent', async () => {
    expect((await create({ agencyType: 'no_such_type' })).statusCode).toBe(400);
    // The former single local-executive-body type is kept for earlier submissions only (issue 20).
    expect((await create({ agencyType: 'mio' })).statusCode).toBe(400);
    expect((await create({ agencyType: 'mio_city', region: 'almaty' })).statusCode).toBe(201);
    expect((await create({ region: 'atlantis' })).statusCode).toBe(400);
    const orphan = await create({ parentId: '00000000-0000-4000-8000-000000000003' });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error.code).toBe('organisation.parent_invalid');
  });

  it('updates with If-Match: missing -> 428, stale -> 409 with the current version', async () => {
    const created = await create({});
    const id = created.json().id as string;
    expect((await patch(id, { active: false })).statusCode).toBe(428);
    const ok = await patch(id, { active: false, name: { kk: 'Жаңа', ru: 'Новое' } }, created.headers.etag as string);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ active: false, name: { kk: 'Жаңа', ru: 'Новое' }, version: 2 });
    const stale = await patch(id, { active: true }, created.headers.etag as string);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version.stale', details: { currentVersion: 2 } });
    expect(await list(admin, '?active=false')).toContain(id);
    expect(await list(admin, '?active=true')).not.toContain(id);
    expect((await patch('00000000-0000-4000-8000-000000000004', { active: true }, '"1"')).statusCode).toBe(404);
  });

  it('refuses a parent that would make a cycle', async () => {
    const root = await create({});
    const child = await create({ parentId: root.json().id });
    const grandchild = await create({ parentId: child.json().id });
    expect(grandchild.statusCode).toBe(201);
    const toGrandchild = await patch(root.json().id, { parentId: grandchild.json().id }, root.headers.etag as string);
    expect(toGrandchild.statusCode).toBe(400);
    expect(toGrandchild.json().error.code).toBe('organisation.parent_invalid');
    expect((await patch(root.json().id, { parentId: root.json().id }, root.headers.etag as string)).statusCode).toBe(
      400,
    );
    // Moving a subtree elsewhere is fine.
    const other = await create({});
    const moved = await patch(child.json().id, { parentId: other.json().id }, child.headers.etag as string);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().parentId).toBe(other.json().id);
  });

  it('writes are for administrators only', async () => {
    const expert = (await t.user(['expert'])).token;
    expect(
      (
        await t.request(expert, {
          method: 'POST',
          url: '/api/v1/organisations',
          payload: { agencyType: 'mvd', region: 'astana', name: { kk: 'a', ru: 'b' } },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('organisation scope', () => {
  it('a focal point sees only its organisation and its children; others look absent', async () => {
    const ministry = await t.organisation('mz', 'national');
    const unit = await t.organisation('mz', 'almaty', ministry);
    const subunit = await t.organisation('mz', 'almaty', unit);
    const sibling = await t.organisation('mz', 'shymkent', ministry);
    const stranger = await t.organisation('ngo', 'almaty');

    const focal = (await t.user(['focal_point'], unit)).token;
    expect((await list(focal)).sort()).toEqual([unit, subunit].sort());
    expect(await list(focal, '?region=almaty')).toHaveLength(2);
    expect((await get(focal, unit)).statusCode).toBe(200);
    expect((await get(focal, subunit)).statusCode).toBe(200);
    for (const id of [ministry, sibling, stranger]) {
      const res = await get(focal, id);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('organisation.not_found');
    }

    const expert = (await t.user(['expert'])).token;
    expect(await list(expert)).toEqual(expect.arrayContaining([ministry, unit, subunit, sibling, stranger]));
    expect((await get(expert, stranger)).statusCode).toBe(200);
    expect(await list(expert, '?agencyType=ngo')).toContain(stranger);
    expect(await list(expert, '?agencyType=ngo')).not.toContain(unit);
  });
});
