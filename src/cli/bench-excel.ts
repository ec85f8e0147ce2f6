// npm run bench:excel
// Time and peak memory of the campaign export (src/modules/excel/excel.export.ts, the
// function the route uses) for a campaign of 2,000 organisations with synthetic answers
// (src/synthetic/answers.ts). Rows come from an in-memory source standing in for the
// database: contents are held as JSON text (as PostgreSQL returns jsonb) and each sheet's
// pass parses and filters them, the way excel.repository.ts pages rows per sheet.
// Target: under 10 s and under 300 MB peak RSS. Also times one template and one import.
// With --pg <admin url> it also seeds a throw-away PostgreSQL database with the same
// campaign and times the route's own path (excel.repository.ts pages, SQL-filtered answers).
import { createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { campaignRows } from '../modules/excel/excel.repository.js';
import { seedReference } from '../modules/reference/reference.seed.js';
import type { AnswerFilter, ExportRow } from '../modules/excel/excel.export.js';
import { writeCampaignExport } from '../modules/excel/excel.export.js';
import { parseTemplate, readContent } from '../modules/excel/excel.import.js';
import { buildTemplate } from '../modules/excel/excel.template.js';
import { getForm } from '../domain/questionnaire/forms.js';
import { getVersion } from '../domain/questionnaire/loader.js';
import { generateAnswersFor } from '../synthetic/answers.js';

const { values } = parseArgs({
  options: { organisations: { type: 'string', default: '2000' }, pg: { type: 'string' } },
});
const n = Number(values.organisations);
const VERSION = '2024-10-order-849-410';
const version = getVersion(VERSION);
const types = Object.entries(version.manifest.respondents)
  .filter(([, s]) => s.length > 0)
  .map(([t]) => t);

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

let t = performance.now();
const stored = Array.from({ length: n }, (_, i) => {
  const agencyType = types[i % types.length]!;
  return {
    organisationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: { kk: `Ұйым ${i}`, ru: `Организация ${i}` },
    agencyType,
    region: 'almaty',
    status: i % 3 ? 'submitted' : 'draft',
    revision: 1 + (i % 5),
    submittedAt: i % 3 ? new Date(Date.UTC(2025, 0, 1 + (i % 28))).toISOString() : null,
    json: JSON.stringify(generateAnswersFor(VERSION, agencyType, { seed: i, missingRate: 0.1 }).answers),
  };
});
console.log(
  `synthetic campaign: ${n} organisations (${types.length} agency types), generated in ${secs(performance.now() - t)}`,
);

async function* source(filter: AnswerFilter): AsyncIterable<ExportRow> {
  for (const { json, ...org } of stored) {
    let answers: Record<string, unknown> = {};
    if (filter !== 'none') {
      const all = JSON.parse(json) as Record<string, { missingReason?: string }>;
      const keep =
        filter === 'missing'
          ? ([, e]: [string, { missingReason?: string }]) => !!e.missingReason
          : ([k]: [string, unknown]) => k.startsWith(`${filter.section}.`);
      answers = Object.fromEntries(Object.entries(all).filter(keep));
    }
    yield { ...org, answers };
  }
}

async function timedExport(label: string, rows: typeof source) {
  const baseline = process.memoryUsage().rss;
  peak = baseline;
  const timer = setInterval(sample, 10);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-excel-')), 'export.xlsx');
  const start = performance.now();
  const out = createWriteStream(file);
  await writeCampaignExport(version, rows, out);
  await finished(out);
  const took = performance.now() - start;
  clearInterval(timer);
  sample();
  console.log(
    `${label}: ${secs(took)} ${took < 10_000 ? '(target < 10 s: ok)' : '(target < 10 s: MISSED)'}, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB written to ${file}`,
  );
  console.log(
    `  peak RSS during export: ${mb(peak)} ${peak < 300 * 1024 * 1024 ? '(target < 300 MB: ok)' : '(target < 300 MB: MISSED)'} (baseline before export ${mb(baseline)})`,
  );
}

console.log(`data held as JSON: ${mb(stored.reduce((a, s) => a + s.json.length, 0))}`);
await timedExport('export (in-memory rows)', source);

if (values.pg) await exportFromPostgres(values.pg);

/** Seeds the campaign into a throw-away database and exports it through excel.repository.ts. */
async function exportFromPostgres(adminUrl: string) {
  const name = `bench_excel_${Date.now()}`;
  const admin = async (q: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(q);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await migrateDatabase(database);
    await seedReference(database.db);
    const start = performance.now();
    const [{ id: campaignId }] = (
      await database.query(
        `insert into campaigns (reporting_year, questionnaire_version, request_date, deadline, status) values (2024, $1, '2025-01-10', '2025-02-10', 'open') returning id`,
        [VERSION],
      )
    ).rows as { id: string }[];
    for (let i = 0; i < stored.length; i += 200) {
      const batch = JSON.stringify(
        stored.slice(i, i + 200).map((s) => ({ ...s, content: { answers: JSON.parse(s.json) }, json: undefined })),
      );
      await database.query(
        `with x as (select * from jsonb_to_recordset($1::jsonb) as x("organisationId" uuid, "agencyType" text, region text, status text, revision int, "submittedAt" timestamptz, name jsonb, content jsonb)),
              o as (insert into organisations (id, agency_type, region, name_kk, name_ru) select "organisationId", "agencyType", region, name->>'kk', name->>'ru' from x returning id),
              r as (insert into campaign_recipients (campaign_id, organisation_id) select $2, "organisationId" from x),
              s as (insert into submissions (campaign_id, organisation_id, questionnaire_version, agency_type, status, revision, completeness, submitted_at)
                    select $2, "organisationId", $3, "agencyType", status, revision, '{}'::jsonb, "submittedAt" from x returning id, organisation_id, revision, status)
         insert into submission_revisions (submission_id, revision, action, status, content)
         select s.id, s.revision, 'save', s.status, x.content from s join x on x."organisationId" = s.organisation_id`,
        [batch, campaignId, VERSION],
      );
    }
    console.log(`PostgreSQL: seeded ${stored.length} organisations into ${name} in ${secs(performance.now() - start)}`);
    await timedExport('export (PostgreSQL, route path)', (filter) => campaignRows(database.db, campaignId, filter));
  } finally {
    await database.close();
    await admin(`drop database ${name}`);
  }
}

const form = getForm(VERSION, 'mio_city');
const content = generateAnswersFor(VERSION, 'mio_city', { seed: 1 });
t = performance.now();
const bytes = await buildTemplate({
  form,
  campaignId: stored[0]!.organisationId,
  organisationId: stored[1]!.organisationId,
  organisationName: { kk: 'Ұйым', ru: 'Организация' },
  revision: 1,
  reportingYear: 2024,
  lang: 'ru',
  content,
});
const built = performance.now() - t;
t = performance.now();
const result = readContent(await parseTemplate(bytes), form);
console.log(
  `template (mio_city, ${form.items.length} items): built in ${secs(built)} (${(bytes.length / 1024).toFixed(0)} KiB); read back in ${secs(performance.now() - t)} (${result.problems.length} problems)`,
);
