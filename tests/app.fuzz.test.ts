// Property-based fuzzing of every write operation in the app's own OpenAPI document
// (app.swagger()): near-valid bodies with one hostile value, arbitrary JSON, broken JSON,
// odd headers (If-Match, Content-Type, Content-Encoding) and forged or broken tokens.
// Properties: no answer is a 5xx, and a refused request (4xx) leaves every stored table
// unchanged. FUZZ_RUNS sets the number of requests per operation (default 6, a few seconds).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { firstItemOfKind, setUpCollection, type Collection } from './helpers/collection.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  format?: string;
  minimum?: number;
}
interface Operation {
  method: string;
  path: string;
  body?: Schema;
}

let t: TestApp;
let c: Collection;
let tokens: string[];
let ids: Record<string, string[]>;
let operations: Operation[];

/** Tables whose content a refused request must not change (audit rows and sign-in failures are the refusal's own trace). */
let tables: string[];
async function fingerprint(): Promise<string> {
  const parts = tables.map(
    (name) =>
      `select '${name}' as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as f from "${name}" x`,
  );
  const { rows } = await t.app.database.query(parts.join(' union all '));
  return rows.map((r) => `${r.t}=${r.f}`).join(';');
}

function sample(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sample(v, depth + 1);
      return out;
    }
    case 'array':
      return [sample(schema.items, depth + 1)];
    case 'string':
      return schema.format === 'uuid' ? ids.organisation![0] : schema.format === 'date' ? '2025-01-01' : 'Мәтін текст';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return {};
  }
}

/** Values that once reached PostgreSQL or arithmetic unchecked. */
const hostile = fc.constantFrom<unknown>(
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '',
  ' ',
  '\u202e\u0000',
  'x'.repeat(70_000),
  '../../etc/passwd',
  "'; drop table users; --",
  -1,
  0,
  1e21,
  1e308,
  2 ** 53,
  Number('9007199254740993'),
  -0,
  0.1 + 0.2,
  2_147_483_648,
  null,
  true,
  [],
  {},
  [[[[[[[[[[[]]]]]]]]]]],
  { __proto__: { admin: true } },
  { constructor: { prototype: { x: 1 } } },
  '00000000-0000-0000-0000-000000000000',
  '2025-02-30',
  '9999-99-99',
  'NaN',
  'Infinity',
);

function mutate(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? mutate(v, rest, replacement) : v));
  if (value && typeof value === 'object')
    return { ...(value as object), [head]: mutate((value as Record<string, unknown>)[head], rest, replacement) };
  return replacement;
}

function paths(value: unknown, prefix: string[] = []): string[][] {
  const out: string[][] = [prefix];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, String(i)]));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const forged = (payload: object, alg = 'HS256', secret = t.config.JWT_SECRET!) => {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac(alg === 'HS512' ? 'sha512' : 'sha256', secret)
    .update(head)
    .digest('base64url')}`;
};

/** Runs whatever a fuzzed request queued (the test app's runner only runs when asked). */
async function settle(): Promise<void> {
  await t.runJobs();
}

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCollection(t, 'ngo', 2025);
  const secretariat = (await t.user(['secretariat'])).token;
  const saved = await t.request(c.focal, {
    method: 'PUT',
    url: c.url,
    payload: { content: { answers: { [firstItemOfKind('ngo', 'count')]: { value: 3 } } } },
    headers: { 'if-match': '"0"' },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const assessment = await t.request(c.expert, {
    method: 'POST',
    url: '/api/v1/assessments',
    payload: { title: { kk: 'Бағалау', ru: 'Оценка' }, startYear: 2025, coordinatingBody: 'mvd' },
  });
  expect(assessment.statusCode, assessment.body).toBe(201);
  const user = (await t.user(['expert'])).id;
  const now = Math.floor(Date.now() / 1000);
  tokens = [
    c.admin,
    c.expert,
    c.focal,
    secretariat,
    '',
    'garbage',
    'a.b.c',
    forged({ sub: 'not-a-uuid', tv: 0, exp: now + 60 }),
    forged({ sub: user, tv: 0 }),
    forged({ sub: user, tv: 0, exp: now + 60 }, 'HS512'),
    forged({ sub: user, tv: 'x', exp: now + 60 }),
    forged({ sub: user, tv: 0, exp: now + 60 }, 'HS256', 'another-secret-another-secret-another'),
  ];
  ids = {
    id: [c.campaignId, assessment.json().id, user, c.organisationId],
    campaignId: [c.campaignId],
    organisationId: [c.organisationId],
    findingId: ['1', '0', '-1', '99999999999999999999'],
    chapter: ['description', 'recommendations', 'nope', '%00'],
    organisation: [c.organisationId],
  };
  const { rows } = await t.app.database.query(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('audit_log', 'login_failures')",
  );
  tables = rows.map((r) => String(r.table_name)).sort();
  const doc = t.app.swagger() as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
  );
}, 60_000);
afterAll(() => t?.close());

describe('fuzzing every write operation of the OpenAPI document', () => {
  it('finds the write operations', () => {
    expect(operations.length).toBeGreaterThan(25);
    expect(tables).toContain('submission_revisions');
  });

  it('never answers 5xx, and a refused request changes nothing stored', async () => {
    const seen: Record<number, number> = {};
    for (const op of operations) {
      const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const request = fc.record({
        token: fc.constantFrom(...tokens),
        params: fc.tuple(
          ...params.map((p) =>
            fc.oneof(
              { weight: 4, arbitrary: fc.constantFrom(...(ids[p] ?? ['x'])) },
              {
                weight: 1,
                arbitrary: fc.constantFrom('x', '%00', '00000000-0000-0000-0000-000000000000', '1e999', '..%2f..'),
              },
            ),
          ),
        ),
        body: fc.oneof(
          {
            weight: 5,
            arbitrary: fc.tuple(fc.nat(), hostile).map(([i, v]) => {
              const base = sample(op.body);
              const all = paths(base);
              return JSON.stringify(mutate(base, all[i % all.length]!, v));
            }),
          },
          { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '{',
              '{"a":1,}',
              '\u0000',
              'null',
              '"str"',
              '1e999999',
              '[',
              '{"content":{"answers":{"s1.q1":{"value":"a\\u0000b"}}}}',
              '',
            ),
          },
        ),
        ifMatch: fc.option(
          fc.constantFrom('"0"', '"1"', '"2"', '"3"', 'W/"1"', '*', '"-1"', '"99999999999999999999"', 'garbage', '""'),
          { nil: undefined },
        ),
        contentType: fc.constantFrom(
          'application/json',
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          undefined,
        ),
        contentEncoding: fc.option(fc.constantFrom('gzip', 'identity', 'br'), { nil: undefined, freq: 8 }),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let url = op.path;
          for (const [i, p] of params.entries()) url = url.replace(`{${p}}`, r.params[i]!);
          const before = await fingerprint();
          const headers: Record<string, string> = {};
          if (r.token) headers.authorization = `Bearer ${r.token}`;
          if (r.ifMatch !== undefined) headers['if-match'] = r.ifMatch;
          if (r.contentType) headers['content-type'] = r.contentType;
          if (r.contentEncoding) headers['content-encoding'] = r.contentEncoding;
          const res = await t.app.inject({ method: op.method as 'POST', url, headers, payload: r.body });
          seen[res.statusCode] = (seen[res.statusCode] ?? 0) + 1;
          expect(
            res.statusCode,
            `${op.method} ${url} ${JSON.stringify(r).slice(0, 400)} -> ${res.body.slice(0, 300)}`,
          ).toBeLessThan(500);
          if (res.statusCode >= 400)
            expect(await fingerprint(), `${op.method} ${url} refused ${res.statusCode} but changed state`).toBe(before);
          // An accepted job (finalisation) writes after its answer: let it finish before the next request is judged.
          if (res.statusCode === 202) await settle();
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    // The generators reach past the access check and validation, not only 401s.
    expect(Object.keys(seen).map(Number)).toEqual(expect.arrayContaining([400, 401, 403]));
  }, 120_000);
});
