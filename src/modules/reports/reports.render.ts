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
import { encodeFacts, type FactColumns, factColumnBuffers } from './reports.fact-columns.js';

type Message =
  | { type: 'progress'; fraction: number; message: string; params?: Record<string, string> }
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

/** A message code (jobs.messages) and its parameters. */
type Progress = (fraction: number, message: string, params?: Record<string, string>) => void;

/** What the worker renders: the input itself (its facts sent as columns), or where to read it (PostgreSQL). */
export interface RenderSource {
  input?: AssessmentInput;
  load?: { databaseUrl: string; assessmentId: string; at: string };
}

/** What the worker receives: an input's facts travel as FactColumns beside the rest of it. */
export interface WorkerData {
  input?: AssessmentInput;
  facts?: FactColumns;
  load?: RenderSource['load'];
}

/**
 * The render worker's old-generation heap, in MB. Its live data at 10x national scale stays under
 * ~230 MB, but without a ceiling V8 lets garbage grow the heap (and the server's RSS) to 600 MB
 * before collecting; with it, it collects sooner (measured at 10x: finalisation 13.9 -> 17.4 s, the server's
 * peak RSS 1,303 -> 936 MB).
 */
export const RENDER_HEAP_MB = 256;

/**
 * The ceiling for an assessment of `facts` facts: RENDER_HEAP_MB up to ~500,000 facts (10x national
 * scale), then 1 MB per 2,000 facts (live data measured at ~0.3 KB per fact), so a 50x assessment
 * is not rendered twice; the retry without a ceiling stays for what this underestimates.
 */
export const renderHeapMb = (facts: number): number => Math.max(RENDER_HEAP_MB, Math.ceil(facts / 2000));

const outOfMemory = (err: unknown) => (err as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * Renders in a worker with a heap of `heapMb`; a larger assessment whose live data does not fit
 * is rendered again in a worker without a ceiling (slower, never refused for its size).
 */
export async function renderOutputsInWorker(
  source: RenderSource,
  onProgress: Progress,
  signal: AbortSignal,
  heapMb = RENDER_HEAP_MB,
): Promise<RenderedOutputs> {
  try {
    return await outcome(worker(source, heapMb), onProgress, signal);
  } catch (err) {
    if (!outOfMemory(err) || signal.aborted) throw err;
    onProgress(0.05, 'finalise.retry');
    return outcome(worker(source), onProgress, signal);
  }
}

// The facts are encoded afresh for each worker: their buffers are transferred (detached here).
function worker(source: RenderSource, heapMb?: number): Worker {
  const facts = source.input ? encodeFacts(source.input.facts) : undefined;
  const workerData: WorkerData = source.input ? { input: { ...source.input, facts: [] }, facts } : source;
  return new Worker(boot, {
    eval: true,
    workerData,
    transferList: facts ? factColumnBuffers(facts) : [],
    ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
  });
}

function outcome(worker: Worker, onProgress: Progress, signal: AbortSignal): Promise<RenderedOutputs> {
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
      if (m.type === 'progress') onProgress(m.fraction, m.message, m.params);
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
