// Shared set-up for data-collection tests: an open campaign addressed to an organisation,
// its focal points, an expert and an admin.
import { getForm } from '../../src/domain/questionnaire/forms.js';
import type { TestApp } from './test-app.js';

export const VERSION = '2024-10-order-849-410';

export interface Collection {
  campaignId: string;
  organisationId: string;
  admin: string;
  expert: string;
  focal: string;
  url: string;
}

export async function openCampaign(
  t: TestApp,
  admin: string,
  body: { reportingYear: number; recipients: string[]; requestDate?: string; deadline?: string },
): Promise<string> {
  const created = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: { questionnaireVersion: VERSION, ...body },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json().id as string;
  const opened = await t.request(admin, {
    method: 'POST',
    url: `/api/v1/campaigns/${id}/open`,
    headers: { 'if-match': created.headers.etag as string },
  });
  if (opened.statusCode !== 200) throw new Error(opened.body);
  return id;
}

export async function setUpCollection(
  t: TestApp,
  agencyType: string,
  reportingYear: number,
  dates: { requestDate?: string; deadline?: string } = {},
): Promise<Collection> {
  const admin = (await t.user(['admin'])).token;
  const expert = (await t.user(['expert'])).token;
  const organisationId = await t.organisation(agencyType, 'almaty');
  const focal = (await t.user(['focal_point'], organisationId)).token;
  const campaignId = await openCampaign(t, admin, { reportingYear, recipients: [organisationId], ...dates });
  return {
    campaignId,
    organisationId,
    admin,
    expert,
    focal,
    url: `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`,
  };
}

/** The first item of a kind in an agency type's form. */
export function firstItemOfKind(agencyType: string, kind: string): string {
  const item = getForm(VERSION, agencyType).items.find((i) => i.kind === kind);
  if (!item) throw new Error(`no ${kind} item in the ${agencyType} form`);
  return item.id;
}
