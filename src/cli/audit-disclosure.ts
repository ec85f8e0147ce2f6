// npm run audit:disclosure -- [--assessment <id>] [--dir <dir>]
// The built-in attacker on published outputs: every report workbook (report-*.xlsx) of a
// folder written by `npm run report`, or the stored files of an assessment (default: the
// latest), is read as an analyst would read it (shown values, "<10"/"x" marks, the published
// structure of what sums to what) and each hidden small count is minimised and maximised by
// linear programming. Also fails on any shown person count 1..threshold-1. Exit code 1 when
// anything is exposed. Ends with `disclosure audit: <P> primary, <S> secondary, <E> exposed`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { dataDirFor } from '../db/location.js';
import { migrateDatabase } from '../db/migrate.js';
import { findFile, latestAssessmentId, latestDisclosureRun, listFiles } from '../modules/reports/reports.repository.js';
import { auditWorkbook } from '../reports/xlsx/audit.js';

const isWorkbook = (name: string) => /^report-[a-z]{2}\.xlsx$/.test(name);

async function storedWorkbooks(id: string | undefined): Promise<{ name: string; content: Buffer }[]> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: dataDirFor(config) });
  try {
    await migrateDatabase(database);
    const assessmentId = id ?? (await latestAssessmentId(database.db));
    if (!assessmentId) throw new Error('no assessment in the database');
    const run = await latestDisclosureRun(database.db, assessmentId);
    if (run)
      process.stdout.write(
        `assessment ${assessmentId}: stored audit ${JSON.stringify((run.result as { summary: unknown }).summary)}\n`,
      );
    const out: { name: string; content: Buffer }[] = [];
    for (const f of (await listFiles(database.db, assessmentId)).filter((x) => isWorkbook(x.name))) {
      const file = await findFile(database.db, assessmentId, f.name);
      if (file) out.push({ name: `${assessmentId}/${f.name}`, content: file.content });
    }
    if (!out.length) throw new Error(`assessment ${assessmentId} has no stored report workbook (not finalised?)`);
    return out;
  } finally {
    await database.close();
  }
}

function dirWorkbooks(dir: string): { name: string; content: Buffer }[] {
  const names = readdirSync(dir).filter(isWorkbook).sort();
  if (!names.length) throw new Error(`no report-*.xlsx in ${dir}`);
  return names.map((name) => ({ name: path.join(dir, name), content: readFileSync(path.join(dir, name)) }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { assessment: { type: 'string' }, dir: { type: 'string' } } });
  const workbooks = values.dir ? dirWorkbooks(values.dir) : await storedWorkbooks(values.assessment);
  const primary = new Set<string>();
  const secondary = new Set<string>();
  const exposed = new Set<string>();
  for (const wb of workbooks) {
    const { audit, read } = await auditWorkbook(wb.content);
    for (const e of audit.exposed) {
      exposed.add(e.key);
      process.stdout.write(
        `EXPOSED ${e.key}: attacker's range [${e.lo}, ${e.hi}], rule asks [${e.need[0]}, ${e.need[1]}]\n`,
      );
    }
    for (const s of read.smallShown) {
      exposed.add(s.key);
      process.stdout.write(`SHOWN ${s.key} = ${s.value} at ${s.sheet}!${s.cell}\n`);
    }
    const n = audit.exposed.length + read.smallShown.length;
    process.stdout.write(
      `${wb.name}: ${audit.cells} count cells, ${audit.primary} primary, ${audit.secondary} secondary, ${n} exposed, ${audit.solves} LP solves in ${audit.ms} ms\n`,
    );
    // Both languages publish the same cells: the totals count each key once.
    for (const c of read.cells) {
      if (c.mark === 'primary') primary.add(c.key);
      if (c.mark === 'secondary') secondary.add(c.key);
    }
  }
  process.stdout.write(
    `disclosure audit: ${primary.size} primary, ${secondary.size} secondary, ${exposed.size} exposed\n`,
  );
  if (exposed.size) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`audit failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
