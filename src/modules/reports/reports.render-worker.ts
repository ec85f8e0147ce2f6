// Runs in a worker thread (reports.render.ts): the protection of the published tables (a MIP), the
// audits and the renders are CPU work of tens of seconds at national scale that would otherwise
// hold the server's event loop, so no request (progress polls included) could be answered.
import { parentPort, workerData } from 'node:worker_threads';
import type { AssessmentInput } from '../../reports/build/inputs.js';
import { decodeFacts } from './reports.fact-columns.js';
import type { RenderSource, WorkerData } from './reports.render.js';

// The renderers (pdfkit, exceljs, apache-arrow, the MIP solver) take about a second to load: they
// load while the input is read from the database, not before.
const renderers = Promise.all([import('../../reports/build/build.js'), import('../../reports/build/outputs.js')]);
const disclosure = import('../../reports/build/disclosure.js');
// Awaited below; a load failure is reported there, not as an unhandled rejection meanwhile.
renderers.catch(() => {});
disclosure.catch(() => {});

/** On PostgreSQL the worker reads the input itself: the facts are held once, here, never in the server's thread. */
async function loadFromDatabase(load: NonNullable<RenderSource['load']>): Promise<AssessmentInput> {
  const [{ openDatabase }, { loadAssessmentInput }] = await Promise.all([
    import('../../db/client.js'),
    import('./reports.input.js'),
  ]);
  const database = await openDatabase({ databaseUrl: load.databaseUrl, poolSize: 2 });
  try {
    return await loadAssessmentInput(database.db, load.assessmentId, new Date(load.at));
  } finally {
    await database.close();
  }
}

const port = parentPort!;
const data = workerData as WorkerData;

const progress = (fraction: number, message: string, params?: Record<string, string>) =>
  port.postMessage({ type: 'progress', fraction, message, params });
try {
  const input = data.input ? { ...data.input, facts: decodeFacts(data.facts!) } : await loadFromDatabase(data.load!);
  const [{ protectReport }, { renderOutputs }] = await renderers;
  progress(0.05, 'finalise.protecting');
  const protection = protectReport(input);
  progress(0.3, 'finalise.rendering');
  const out = await renderOutputs(
    input,
    (done, total, name) => progress(0.3 + (0.6 * done) / total, 'finalise.file', { name }),
    protection,
  );
  port.postMessage({ type: 'done', files: out.files, disclosure: out.disclosure });
} catch (err) {
  const { DisclosureExposedError } = await disclosure;
  port.postMessage(
    err instanceof DisclosureExposedError
      ? { type: 'exposed', audit: err.audit }
      : { type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) },
  );
}
