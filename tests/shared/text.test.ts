// Text PostgreSQL cannot store (NUL, unpaired surrogates) and numbers beyond exact
// arithmetic are refused with 400 (schema) or an item-level issue (questionnaire answers),
// never a 500, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyDatabaseError } from '../../src/db/errors.js';
import { isStorableText } from '../../src/shared/text.js';
import { loadRegister } from '../../src/domain/risk-register.js';
import { getValidator } from '../../src/domain/questionnaire/validation.js';
import { firstItemOfKind, setUpCollection, VERSION, type Collection } from '../helpers/collection.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const bad = ['a\u0000b', 'x\ud800', '\udfffy', 'a\udc00\ud800b'];

describe('isStorableText', () => {
  it('refuses NUL and lone surrogates, keeps paired ones', () => {
    for (const s of bad) expect(isStorableText(s), JSON.stringify(s)).toBe(false);
    for (const s of ['', 'Қазақ', 'emoji \ud83d\ude00', 'tab\tnewline\n']) expect(isStorableText(s), s).toBe(true);
  });
});

describe('questionnaire answers', () => {
  const validator = getValidator(VERSION, 'mvd', 'draft');
  const yesNo = firstItemOfKind('mvd', 'yes_no');
  const text = firstItemOfKind('mvd', 'text');
  const count = firstItemOfKind('mvd', 'count');

  it('gives an item-level issue for NUL or a lone surrogate in a text, description or reason comment', () => {
    for (const s of bad) {
      const cases = [
        { [text]: { value: s } },
        { [yesNo]: { value: { answer: 'yes', description: s } } },
        { [count]: { missingReason: 'other', missingComment: s } },
      ];
      for (const answers of cases) {
        const r = validator.validate({ answers });
        expect(r.valid, JSON.stringify(answers)).toBe(false);
        expect(r.issues.map((i) => i.code)).toContain('text.invalid_chars');
        expect(r.issues[0]!.itemId).toBe(Object.keys(answers)[0]);
      }
    }
  });

  it('refuses counts beyond a safe integer', () => {
    for (const n of [1e21, 1e308, 2 ** 53, Number('9007199254740993')]) {
      const r = validator.validate({ answers: { [count]: { value: n } } });
      expect(r.valid, String(n)).toBe(false);
      expect(r.issues.map((i) => i.code)).toContain('count.too_large');
    }
    expect(validator.validate({ answers: { [count]: { value: 1_000_000_000 } } }).valid).toBe(true);
  });
});

describe('over the API', () => {
  let t: TestApp;
  let c: Collection;
  let assessmentId: string;
  let assessmentVersion: number;
  let userId: string;
  let expert: string;
  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCollection(t, 'mvd', 2025);
    expert = (await t.user(['expert'])).token;
    userId = (await t.user(['secretariat'])).id;
    const a = await t.request(expert, {
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { title: { kk: 'Бағалау', ru: 'Оценка' }, startYear: 2025, coordinatingBody: 'mvd' },
    });
    expect(a.statusCode, a.body).toBe(201);
    assessmentId = a.json().id;
    assessmentVersion = a.json().version;
  });
  afterAll(() => t?.close());

  const refused = async (
    token: string,
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await t.request(token, { method, url, payload: payload as object, headers });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(500);
    expect([400, 422]).toContain(res.statusCode);
    return res;
  };

  it('refuses bad text in every kind of body with 400', async () => {
    for (const s of bad) {
      await refused(c.admin, 'POST', '/api/v1/users', {
        email: `x${Math.random()}@example.kz`,
        name: s,
        password: 'long-enough-password',
        roles: ['expert'],
      });
      await refused(c.admin, 'PATCH', `/api/v1/users/${userId}`, { name: s });
      await refused(c.admin, 'POST', '/api/v1/organisations', {
        agencyType: 'mvd',
        region: 'almaty',
        name: { kk: s, ru: 'Ок' },
      });
      await refused(
        c.admin,
        'PATCH',
        `/api/v1/organisations/${c.organisationId}`,
        { name: { kk: 'Ок', ru: s } },
        { 'if-match': '"1"' },
      );
      await refused(expert, 'POST', '/api/v1/assessments', {
        title: { kk: s, ru: 'Оценка' },
        startYear: 2025,
        coordinatingBody: 'mvd',
      });
      await refused(
        expert,
        'PATCH',
        `/api/v1/assessments/${assessmentId}`,
        { title: { kk: 'Ок', ru: s } },
        { 'if-match': `"${assessmentVersion}"` },
      );
      const riskCode = loadRegister('2024-v1').risks[0]!.code;
      await refused(expert, 'PUT', `/api/v1/assessments/${assessmentId}/scores`, {
        scores: [{ riskCode, likelihood: 3, impact: 3, comment: s }],
      });
      const draft = await refused(
        c.focal,
        'PUT',
        c.url,
        { content: { answers: { [firstItemOfKind('mvd', 'text')]: { value: s } } } },
        { 'if-match': '"0"' },
      );
      expect(draft.statusCode).toBe(422);
      expect(JSON.stringify(draft.json())).toContain('text.invalid_chars');
      await refused(
        c.focal,
        'PUT',
        c.url,
        { content: { answers: { [`s1.q1${s}`]: { value: 1 } } } },
        { 'if-match': '"0"' },
      );
      await refused(
        expert,
        'PUT',
        `/api/v1/assessments/${assessmentId}/narrative/description`,
        { textKk: s, textRu: 'Ок' },
        { 'if-match': '"0"' },
      );
    }
    // Nothing was stored.
    const sub = await t.request(c.focal, { method: 'GET', url: c.url });
    expect(sub.json().revision).toBe(0);
    const users = await t.request(c.admin, { method: 'GET', url: `/api/v1/users/${userId}` });
    expect(isStorableText(users.json().name)).toBe(true);
  });

  it('refuses counts beyond a safe integer in a draft (422 with the item)', async () => {
    const count = firstItemOfKind('mvd', 'count');
    const res = await t.request(c.focal, {
      method: 'PUT',
      url: c.url,
      headers: { 'if-match': '"0"', 'content-type': 'application/json' },
      payload: `{"content":{"answers":{"${count}":{"value":9007199254740993}}}}`,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0].code).toBe('count.too_large');
  });

  it('answers 400 when such text reaches a query through a query string (the backstop over HTTP)', async () => {
    for (const url of ['/api/v1/audit?action=a%00b', '/api/v1/organisations?agencyType=x%00']) {
      const res = await t.request(c.admin, { method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
    }
  });

  it('classifies PostgreSQL refusing a text or JSON value as unstorable text (the 400 backstop)', async () => {
    const refusal = (text: string, param: string) =>
      t.app.database.query(text, [param]).then(
        () => null,
        (err: unknown) => err,
      );
    for (const err of [
      await refusal('select $1::jsonb as v', '{"a":"\\u0000"}'),
      await refusal('select $1::text as v', 'a\u0000b'),
    ]) {
      expect(err).not.toBeNull();
      expect(classifyDatabaseError(err)).toBe('unstorable_text');
    }
  });
});
