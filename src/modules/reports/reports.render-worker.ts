// Runs in a worker thread (reports.render.ts): the protection of the published tables (a MIP), the
// audits and the renders are CPU work of tens of seconds at national scale that would otherwise
// hold the server's event loop, so no request (progress polls included) could be answered.
import { parentPort } from 'node:worker_threads';
import type { AssessmentInput } from '../../reports/build/inputs.js';
import { decodeFacts, type FactColumns } from './reports.fact-columns.js';
import type { ToWorker } from './reports.render.js';

const port = parentPort!;

// The input arrives while the renderers load: the facts in batches, then the rest.
const input = new Promise<AssessmentInput>((resolve) => {
  const batches: FactColumns[] = [];
  port.on('message', (m: ToWorker) => {
    if (m.type === 'facts') batches.push(m.facts);
    else resolve({ ...m.input, facts: decodeFacts(batches.splice(0)) });
  });
});
// The renderers (pdfkit, exceljs, apache-arrow, the MIP solver) take about a second to load.
const renderers = Promise.all([import('../../reports/build/build.js'), import('../../reports/build/outputs.js')]);
const disclosure = import('../../reports/build/disclosure.js');
// Awaited below; a load failure is reported there, not as an unhandled rejection meanwhile.
renderers.catch(() => {});
disclosure.catch(() => {});

const progress = (fraction: number, message: string, params?: Record<string, string>) =>
  port.postMessage({ type: 'progress', fraction, message, params });
try {
  const [[{ protectReport }, { renderOutputs }], data] = await Promise.all([renderers, input]);
  progress(0.05, 'finalise.protecting');
  const protection = protectReport(data);
  progress(0.3, 'finalise.rendering');
  const out = await renderOutputs(
    data,
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
