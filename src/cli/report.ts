// npm run report -- --out <dir> [--assessment <id>] [--restricted]
// Writes the published outputs of an assessment (default: the latest) to a folder: report
// PDF and XLSX in kk and ru, risk profiles per agency type, after the disclosure audit;
// with --restricted also the raw fact table (facts-restricted.arrow, expert group only).
// Progress goes to stderr as a bar; the written files (name, size, sha256) to stdout.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { dataDirFor } from '../db/location.js';
import { migrateDatabase } from '../db/migrate.js';
import { loadAssessmentInput } from '../modules/reports/reports.input.js';
import { latestAssessmentId } from '../modules/reports/reports.repository.js';
import { isRestricted, renderOutputs } from '../reports/build/outputs.js';

function bar(done: number, total: number, label: string): void {
  if (!process.stderr.isTTY) {
    process.stderr.write(`[${done}/${total}] ${label}\n`);
    return;
  }
  const width = 30;
  const filled = Math.round((width * done) / Math.max(total, 1));
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.padEnd(40).slice(0, 40)}`,
  );
  if (done === total) process.stderr.write('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      assessment: { type: 'string' },
      restricted: { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    process.stderr.write('usage: npm run report -- --out <dir> [--assessment <id>] [--restricted]\n');
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: dataDirFor(config) });
  try {
    await migrateDatabase(database);
    const id = values.assessment ?? (await latestAssessmentId(database.db));
    if (!id) throw new Error('no assessment in the database');
    bar(0, 1, 'loading data');
    const input = await loadAssessmentInput(database.db, id);
    const { files, disclosure } = await renderOutputs(input, (done, total, name) => bar(done, total, name));
    mkdirSync(values.out, { recursive: true });
    for (const f of files.filter((x) => values.restricted || !isRestricted(x.name))) {
      writeFileSync(path.join(values.out, f.name), f.content);
      process.stdout.write(`${f.name}\t${f.content.length}\t${createHash('sha256').update(f.content).digest('hex')}\n`);
    }
    process.stderr.write(
      `disclosure audit: ${disclosure.primary} primary, ${disclosure.secondary} secondary, ${disclosure.exposed.length} exposed\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`\nreport failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
