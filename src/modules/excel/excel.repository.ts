// Campaign rows for the export, a page at a time, with only the answers a sheet needs
// (filtered inside PostgreSQL so a section's pass does not carry the whole content).
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { AnswerFilter, ExportRow } from './excel.export.js';

const PAGE = 200;

interface Raw extends Record<string, unknown> {
  organisation_id: string;
  name_kk: string;
  name_ru: string;
  agency_type: string;
  region: string;
  status: string | null;
  revision: number | null;
  submitted_at: string | Date | null;
  answers: Record<string, unknown> | string | null;
}

function answersSql(filter: AnswerFilter) {
  if (filter === 'none') return sql`null::jsonb`;
  const where = filter === 'missing' ? sql`e.value ? 'missingReason'` : sql`e.key like ${`${filter.section}.%`}`;
  return sql`(select jsonb_object_agg(e.key, e.value) from jsonb_each(r.content->'answers') e where ${where})`;
}

/**
 * Recipients of a campaign (region, name order) with their current answers, filtered.
 * Keyset pages, and the answers are extracted only for the page's rows: with OFFSET, or
 * with the extraction before the LIMIT, every page would unpack every content again
 * (48 s instead of a few for 2,000 organisations, npm run bench:excel -- --pg).
 */
export async function* campaignRows(db: DbOrTx, campaignId: string, filter: AnswerFilter): AsyncIterable<ExportRow> {
  let after: { region: string; name: string; id: string } | null = null;
  for (;;) {
    const keyset: SQL = after
      ? sql`and (o.region, o.name_ru, o.id) > (${after.region}, ${after.name}, ${after.id}::uuid)`
      : sql``;
    const result: { rows: Raw[] } = await db.execute<Raw>(sql`
      select p.organisation_id, p.name_kk, p.name_ru, p.agency_type, p.region, p.status, p.revision, p.submitted_at, ${answersSql(filter)} as answers
        from (
          select o.id as organisation_id, o.name_kk, o.name_ru, o.agency_type, o.region, s.id as submission_id, s.status, s.revision, s.submitted_at
            from campaign_recipients cr
            join organisations o on o.id = cr.organisation_id
            left join submissions s on s.campaign_id = cr.campaign_id and s.organisation_id = cr.organisation_id
           where cr.campaign_id = ${campaignId} ${keyset}
           order by o.region, o.name_ru, o.id
           limit ${PAGE}
        ) p
        left join submission_revisions r on r.submission_id = p.submission_id and r.revision = p.revision
       order by p.region, p.name_ru, p.organisation_id`);
    for (const r of result.rows)
      yield {
        organisationId: r.organisation_id,
        name: { kk: r.name_kk, ru: r.name_ru },
        agencyType: r.agency_type,
        region: r.region,
        status: r.status ?? 'not_started',
        revision: r.revision ?? 0,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        answers: (typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers) ?? {},
      };
    const last: Raw | undefined = result.rows[result.rows.length - 1];
    if (!last || result.rows.length < PAGE) return;
    after = { region: last.region, name: last.name_ru, id: last.organisation_id };
  }
}
