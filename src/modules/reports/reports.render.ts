// Renders an assessment's outputs in a worker thread (reports.render-worker.ts), reporting its
// progress; an abort (cancel, lost lease, shutdown) terminates the worker. The worker loads the
// TypeScript sources through tsx's loader, as the server itself runs.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditResult } from '../../pipeline/disclosure/audit.js';
import { DisclosureExposedError } from '../../reports/build/disclosure.js';
import type { AssessmentInput } from '../../reports/build/inputs.js';
import type { RenderedOutputs } from '../../reports/build/outputs.js';

type Message =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'done'; files: { name: string; contentType: string; content: Uint8Array }[]; disclosure: AuditResult }
  | { type: 'exposed'; audit: AuditResult }
  | { type: 'error'; message: string };

const entry = new URL(`./reports.render-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)
  .href;
// tsx's ESM API, found from this file (not from the working directory); its CommonJS build sits
// beside the ESM one, which the worker imports.
const tsxApi = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href;
const boot = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;

/** What the worker renders: the input itself (copied into it), or where to read it (PostgreSQL). */
export interface RenderSource {
  input?: AssessmentInput;
  load?: { databaseUrl: string; assessmentId: string; at: string };
}

export function renderOutputsInWorker(
  source: RenderSource,
  onProgress: (fraction: number, message: string) => void,
  signal: AbortSignal,
): Promise<RenderedOutputs> {
  // An input is copied into the worker here; nothing below holds this thread's copy.
  return outcome(new Worker(boot, { eval: true, workerData: source }), onProgress, signal);
}

function outcome(
  worker: Worker,
  onProgress: (fraction: number, message: string) => void,
  signal: AbortSignal,
): Promise<RenderedOutputs> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', abort);
      fn();
      void worker.terminate();
    };
    const abort = () => finish(() => reject(signal.reason));
    signal.addEventListener('abort', abort);
    worker.on('message', (m: Message) => {
      if (m.type === 'progress') onProgress(m.fraction, m.message);
      else if (m.type === 'done')
        finish(() =>
          resolve({
            files: m.files.map((f) => ({
              ...f,
              content: Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength),
            })),
            disclosure: m.disclosure,
          }),
        );
      else if (m.type === 'exposed') finish(() => reject(new DisclosureExposedError(m.audit)));
      else finish(() => reject(new Error(`rendering failed: ${m.message}`)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`render worker exited with code ${code}`))));
  });
}
