// The export's row source over more than one page: every recipient exactly once, in
// region/name order (ties broken by id), with only the answers the sheet asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/client.js';
import { migrateDatabase } from '../../../src/db/migrate.js';
import { campaignRows } from '../../../src/modules/excel/excel.repository.js';
import type { AnswerFilter, ExportRow } from '../../../src/modules/excel/excel.export.js';
import { seedReference } from '../../../src/modules/reference/reference.seed.js';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { VERSION } from '../../helpers/collection.js';
import { openTestDatabase } from '../../helpers/database.js';

const RECIPIENTS = 450; // more than two pages of 200
const SUBMITTED = 120;
let database: Database;
let campaignId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await migrateDatabase(database);
  await seedReference(database.db);
  const q = database.query;
  campaignId = String(
    (
      await q(
        `insert into campaigns (reporting_year, questionnaire_version, request_date, deadline, status) values (2025, $1, '2026-01-10', '2026-02-10', 'open') returning id`,
        [VERSION],
      )
    ).rows[0]!.id,
  );
  // Three regions and only ten distinct names, so the keyset has to break ties by id.
  await q(
    `with o as (
       insert into organisations (agency_type, region, name_kk, name_ru)
       select 'ngo', (array['astana', 'almaty', 'almaty_region'])[1 + i % 3], 'Ұйым ' || (i % 10), 'Организация ' || (i % 10)
         from generate_series(1, $2::int) i
       returning id)
     insert into campaign_recipients (campaign_id, organisation_id) select $1, id from o`,
    [campaignId, RECIPIENTS],
  );
  const content = generateAnswersFor(VERSION, 'ngo', { seed: 7, missingRate: 0.2 });
  await q(
    `with s as (
       insert into submissions (campaign_id, organisation_id, questionnaire_version, agency_type, status, revision, completeness)
       select $1, organisation_id, $2, 'ngo', 'submitted', 2, '{}'::jsonb from campaign_recipients where campaign_id = $1 order by organisation_id limit $3
       returning id)
     insert into submission_revisions (submission_id, revision, action, status, content)
     select id, r, 'save', 'draft', case when r = 2 then $4::jsonb else '{"answers": {}}'::jsonb end from s, generate_series(1, 2) r`,
    [campaignId, VERSION, SUBMITTED, JSON.stringify(content)],
  );
});
afterAll(() => database?.close());

async function collect(filter: AnswerFilter): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const r of campaignRows(database.db, campaignId, filter)) rows.push(r);
  return rows;
}

describe('campaign rows for the export', () => {
  it('yields every recipient once, in region and name order across pages', async () => {
    const rows = await collect('none');
    expect(rows).toHaveLength(RECIPIENTS);
    expect(new Set(rows.map((r) => r.organisationId)).size).toBe(RECIPIENTS);
    const expected = (
      await database.query(
        `select o.id from campaign_recipients cr join organisations o on o.id = cr.organisation_id where cr.campaign_id = $1 order by o.region, o.name_ru, o.id`,
        [campaignId],
      )
    ).rows.map((r) => r.id);
    expect(rows.map((r) => r.organisationId)).toEqual(expected);
    expect(rows.filter((r) => r.status === 'submitted')).toHaveLength(SUBMITTED);
    expect(rows.every((r) => Object.keys(r.answers).length === 0)).toBe(true);
  });

  it("carries the current revision's answers of one section, or only the missing ones", async () => {
    const section = await collect({ section: 's16' });
    const submitted = section.filter((r) => r.status === 'submitted');
    expect(submitted).toHaveLength(SUBMITTED);
    for (const r of submitted) {
      expect(Object.keys(r.answers).length).toBeGreaterThan(0);
      expect(Object.keys(r.answers).every((k) => k.startsWith('s16.'))).toBe(true);
    }
    const missing = (await collect('missing')).filter((r) => r.status === 'submitted');
    expect(missing.every((r) => Object.values(r.answers).every((a) => 'missingReason' in (a as object)))).toBe(true);
    expect(missing.some((r) => Object.keys(r.answers).length > 0)).toBe(true);
  });
});
