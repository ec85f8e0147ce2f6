// Rules §3 and §6 on creation and edit: one assessment per three-year cycle, and the coordinating
// body alternates between МВД and МТСЗН from one cycle to the next; only an administrator may
// depart from the rotation, and only with a reason, which is stored and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let admin: string;
let expert: string;
const title = { kk: 'Тәуекелдерді бағалау', ru: 'Оценка рисков' };

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user(['admin'])).token;
  expert = (await t.user(['expert'])).token;
});
afterAll(() => t?.close());

const create = (token: string, body: object) =>
  t.request(token, { method: 'POST', url: '/api/v1/assessments', payload: { title, ...body } });

describe('assessment cycles', () => {
  let first: { id: string; version: number };
  it('refuses an assessment whose years overlap another', async () => {
    const a = await create(expert, { startYear: 2025, coordinatingBody: 'mvd' });
    expect(a.statusCode, a.body).toBe(201);
    first = a.json();
    for (const startYear of [2025, 2026, 2027, 2024]) {
      const res = await create(expert, { startYear, coordinatingBody: 'mtszn' });
      expect(res.statusCode, String(startYear)).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'assessment.cycle_overlap', details: { assessmentId: first.id } });
    }
  });

  it('requires the other authorised body to coordinate the next cycle', async () => {
    const same = await create(expert, { startYear: 2028, coordinatingBody: 'mvd' });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('assessment.coordination_not_rotated');
    expect(same.json().error.message).toContain('ротационной основе');
    const kk = await t.request(expert, {
      method: 'POST',
      url: '/api/v1/assessments?lang=kk',
      payload: { title, startYear: 2028, coordinatingBody: 'mvd' },
    });
    expect(kk.json().error.message).toContain('кезекпен');
    const next = await create(expert, { startYear: 2028, coordinatingBody: 'mtszn' });
    expect(next.statusCode, next.body).toBe(201);
    // Changing the earlier cycle's body now clashes with the next one.
    const patch = await t.request(expert, {
      method: 'PATCH',
      url: `/api/v1/assessments/${first.id}`,
      payload: { coordinatingBody: 'mtszn' },
      headers: { 'if-match': `"${first.version}"` },
    });
    expect(patch.json().error.code).toBe('assessment.coordination_not_rotated');
  });

  it('lets an administrator override the rotation with a recorded reason, nobody else', async () => {
    const byExpert = await create(expert, {
      startYear: 2031,
      coordinatingBody: 'mtszn',
      coordinationOverrideReason: 'reorganisation',
    });
    expect(byExpert.statusCode).toBe(403);
    expect(byExpert.json().error.code).toBe('assessment.coordination_override_forbidden');
    const blank = await create(admin, { startYear: 2031, coordinatingBody: 'mtszn', coordinationOverrideReason: '  ' });
    expect(blank.json().error.code).toBe('assessment.coordination_not_rotated');
    const ok = await create(admin, {
      startYear: 2031,
      coordinatingBody: 'mtszn',
      coordinationOverrideReason: 'Реорганизация МВД (приказ № 1)',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().coordinationOverrideReason).toBe('Реорганизация МВД (приказ № 1)');
    const audit = (
      await t.request(admin, { method: 'GET', url: `/api/v1/audit?objectType=assessment&objectId=${ok.json().id}` })
    ).json();
    expect(audit.map((e: { action: string }) => e.action)).toContain('assessment.coordination_override');
  });
});
