// Every route in the OpenAPI document is called anonymously and as each role.
// The expected access is this table; a route missing from it fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/shared/access.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

type Expect = 'public' | 'any' | Role[];

const matrix: Record<string, Expect> = {
  'GET /health': 'public',
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': 'any',
  'GET /api/v1/users': ['admin'],
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/users/{id}': ['admin'],
  'PATCH /api/v1/users/{id}': ['admin'],
  'POST /api/v1/users/{id}/password': ['admin'],
  'GET /api/v1/organisations': 'any',
  'POST /api/v1/organisations': ['admin'],
  'GET /api/v1/organisations/{id}': 'any',
  'PATCH /api/v1/organisations/{id}': ['admin'],
  'GET /api/v1/reference/agency-types': 'any',
  'GET /api/v1/reference/regions': 'any',
  'GET /api/v1/reference/countries': 'any',
  'GET /api/v1/audit': ['admin'],
  'GET /api/v1/questionnaires': 'any',
  'GET /api/v1/questionnaires/{version}': 'any',
  'GET /api/v1/questionnaires/{version}/forms/{agencyType}': 'any',
  'GET /api/v1/questionnaires/{version}/forms/{agencyType}/json-schema': 'any',
  'GET /api/v1/campaigns': ['admin', 'expert', 'focal_point'],
  'POST /api/v1/campaigns': ['admin'],
  'GET /api/v1/campaigns/{id}': ['admin', 'expert', 'focal_point'],
  'PATCH /api/v1/campaigns/{id}': ['admin'],
  'PUT /api/v1/campaigns/{id}/recipients': ['admin'],
  'POST /api/v1/campaigns/{id}/open': ['admin'],
  'POST /api/v1/campaigns/{id}/close': ['admin'],
  'GET /api/v1/campaigns/{id}/progress': ['admin', 'expert'],
  'GET /api/v1/campaigns/{id}/overdue': ['admin', 'expert'],
  'GET /api/v1/campaigns/{campaignId}/submissions': ['admin', 'expert', 'focal_point'],
  'GET /api/v1/campaigns/{campaignId}/submissions/{organisationId}': ['admin', 'expert', 'focal_point'],
  'PUT /api/v1/campaigns/{campaignId}/submissions/{organisationId}': ['focal_point'],
  'POST /api/v1/campaigns/{campaignId}/submissions/{organisationId}/submit': ['focal_point'],
  'POST /api/v1/campaigns/{campaignId}/submissions/{organisationId}/withdraw': ['focal_point'],
  'POST /api/v1/campaigns/{campaignId}/submissions/{organisationId}/return': ['expert'],
  'POST /api/v1/campaigns/{campaignId}/submissions/{organisationId}/accept': ['expert'],
  'POST /api/v1/campaigns/{campaignId}/submissions/{organisationId}/reopen': ['expert'],
  'GET /api/v1/campaigns/{campaignId}/submissions/{organisationId}/revisions': ['admin', 'expert', 'focal_point'],
  'GET /api/v1/campaigns/{campaignId}/submissions/{organisationId}/revisions/{revision}': [
    'admin',
    'expert',
    'focal_point',
  ],
  'GET /api/v1/campaigns/{campaignId}/submissions/{organisationId}/diff': ['admin', 'expert', 'focal_point'],
  'GET /api/v1/campaigns/{campaignId}/submissions/{organisationId}/template.xlsx': ['admin', 'expert', 'focal_point'],
  'POST /api/v1/campaigns/{campaignId}/submissions/{organisationId}/import': ['focal_point'],
  'GET /api/v1/campaigns/{id}/export.xlsx': ['admin', 'expert'],
  'GET /api/v1/assessments': ['admin', 'expert', 'secretariat'],
  'POST /api/v1/assessments': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}': ['admin', 'expert', 'secretariat'],
  'PATCH /api/v1/assessments/{id}': ['admin', 'expert'],
  'POST /api/v1/assessments/{id}/quality': ['admin', 'expert'],
  'POST /api/v1/assessments/{id}/structuring': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/runs': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/completeness': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/findings': ['admin', 'expert'],
  'POST /api/v1/assessments/{id}/findings/{findingId}/return': ['expert'],
  'GET /api/v1/assessments/{id}/facts.arrow': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/facts.csv': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/texts': ['admin', 'expert'],
  'GET /api/v1/risk-registers/{version}': 'any',
  'PUT /api/v1/assessments/{id}/scores': ['expert'],
  'GET /api/v1/assessments/{id}/scores': ['admin', 'expert'],
  'POST /api/v1/assessments/{id}/rounds': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/rounds/{round}/summary': ['admin', 'expert'],
  'POST /api/v1/assessments/{id}/ranking': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/ranking': ['admin', 'expert', 'secretariat'],
  'GET /api/v1/assessments/{id}/narrative': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/narrative/drafts': ['admin', 'expert'],
  'PUT /api/v1/assessments/{id}/narrative/{chapter}': ['expert'],
  'GET /api/v1/assessments/{id}/narrative/{chapter}/revisions': ['admin', 'expert'],
  'POST /api/v1/assessments/{id}/finalise': ['expert'],
  'GET /api/v1/jobs/{id}': 'any',
  'POST /api/v1/jobs/{id}/cancel': 'any',
  'GET /api/v1/assessments/{id}/jobs': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/files': ['admin', 'expert', 'secretariat'],
  'GET /api/v1/assessments/{id}/files/{name}': ['admin', 'expert', 'secretariat'],
  'GET /api/v1/assessments/{id}/files.zip': ['admin', 'expert', 'secretariat'],
  'GET /api/v1/assessments/{id}/preview.pdf': ['admin', 'expert'],
  // Expert group, specialists and the Commission (issue 21).
  'GET /api/v1/expert-group': ['admin', 'expert', 'secretariat'],
  'PUT /api/v1/expert-group': ['admin'],
  'GET /api/v1/expert-group/members': ['admin', 'expert', 'secretariat'],
  'POST /api/v1/expert-group/members': ['admin'],
  'POST /api/v1/expert-group/members/{memberId}/changes': ['admin'],
  'GET /api/v1/expert-group/meetings': ['admin', 'expert', 'secretariat'],
  'POST /api/v1/expert-group/meetings': ['admin', 'expert'],
  'GET /api/v1/expert-group/meetings/{meetingId}': ['admin', 'expert', 'secretariat'],
  'PUT /api/v1/expert-group/meetings/{meetingId}': ['admin', 'expert'],
  'POST /api/v1/expert-group/meetings/{meetingId}/files': ['admin', 'expert'],
  'GET /api/v1/expert-group/meetings/{meetingId}/files/{name}': ['admin', 'expert', 'secretariat'],
  'GET /api/v1/assessments/{id}/specialists': ['admin', 'expert', 'secretariat'],
  'POST /api/v1/assessments/{id}/specialists': ['admin', 'expert'],
  'DELETE /api/v1/assessments/{id}/specialists/{specialistId}': ['admin', 'expert'],
  'GET /api/v1/assessments/{id}/working-materials': ['admin', 'expert', 'specialist'],
  'GET /api/v1/working-materials': ['specialist'],
  'GET /api/v1/assessments/{id}/working-materials/preview.pdf': ['admin', 'expert', 'specialist'],
  'GET /api/v1/assessments/{id}/commission': ['admin', 'expert', 'secretariat'],
  'GET /api/v1/assessments/{id}/commission/recommendations': ['admin', 'expert', 'secretariat'],
  'POST /api/v1/assessments/{id}/commission/transmittal': ['expert', 'secretariat'],
  'POST /api/v1/assessments/{id}/commission/decision': ['secretariat'],
  'POST /api/v1/assessments/{id}/commission/publication': ['secretariat'],
  'GET /api/v1/assessments/{id}/read-receipts': ['admin', 'secretariat'],
  'GET /api/v1/results': ['admin', 'expert', 'secretariat', 'focal_point'],
  'GET /api/v1/results/{id}/files/{name}': ['admin', 'expert', 'secretariat', 'focal_point'],
  'GET /api/v1/campaigns/{campaignId}/follow-up/{organisationId}': ['admin', 'expert', 'secretariat', 'focal_point'],
  'PUT /api/v1/campaigns/{campaignId}/follow-up/{organisationId}/actions/{actionId}': ['focal_point'],
  'GET /api/v1/assessments/{id}/follow-up': ['admin', 'expert', 'secretariat'],
  // Issue 20: a user's own notices and preferences; the log of what was sent.
  'GET /api/v1/notifications': 'any',
  'POST /api/v1/notifications/read': 'any',
  'GET /api/v1/notifications/preferences': 'any',
  'PUT /api/v1/notifications/preferences': 'any',
  'GET /api/v1/notifications/log': ['admin'],
};

const allRoles: Role[] = ['admin', 'focal_point', 'expert', 'secretariat', 'specialist'];
const placeholder = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
const tokens = {} as Record<Role, string>;
let routes: string[] = [];
// Scope checks are not route checks: the focal point's own organisation fills {organisationId}.
let ownOrganisation = placeholder;

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.organisation('ngo', 'almaty');
  ownOrganisation = org;
  for (const role of allRoles) tokens[role] = (await t.user([role], role === 'focal_point' ? org : null)).token;
  const doc = (await t.request(null, { method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
});
afterAll(() => t?.close());

const call = (route: string, token: string | null) => {
  const [method, path] = route.split(' ') as [string, string];
  const url = path
    .replace('{revision}', '1')
    .replace('{version}', 'none')
    .replace('{agencyType}', 'ngo')
    .replace('{organisationId}', ownOrganisation)
    .replace(/\{[^}]+\}/g, placeholder);
  return t.request(token, {
    method: method as 'GET',
    url,
    payload: method === 'GET' || method === 'DELETE' ? undefined : {},
    headers: { 'if-match': '"1"' },
  });
};

describe('authorisation matrix', () => {
  it('lists every documented route, and only those', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    for (const route of routes) {
      const res = await call(route, null);
      if (matrix[route] === 'public') expect([401, 403], route).not.toContain(res.statusCode);
      else expect(res.statusCode, route).toBe(401);
    }
  });

  it('allows exactly the listed roles', async () => {
    for (const route of routes) {
      const expected = matrix[route];
      for (const role of allRoles) {
        const res = await call(route, tokens[role]);
        const allowed = expected === 'public' || expected === 'any' || expected.includes(role);
        if (allowed) expect([401, 403], `${route} as ${role}: ${res.body}`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${route} as ${role}`).toBe(403);
        expect(res.statusCode, `${route} as ${role}: ${res.body}`).toBeLessThan(500);
      }
    }
  });
});
