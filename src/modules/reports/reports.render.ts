// Renders an assessment's outputs in a worker thread (reports.render-worker.ts), reporting its
// progress; an abort (cancel, lost lease, shutdown) terminates the worker. The worker loads the
// TypeScript sources through tsx's loader, as the server itself runs. Meanwhile this thread reads
// the input (its connection is open and its code warm: two cores at work, not one after the other)
// and sends the facts over batch by batch as columns, then the rest of the input.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditResult } from '../../pipeline/disclosure/audit.js';
import { DisclosureExposedError } from '../../reports/build/disclosure.js';
import type { NumericFact } from '../../pipeline/facts.js';
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

/**
 * Reads the input to render: its facts go to `onFacts` batch by batch (a throw there ends the
 * read), the rest is returned (with no facts). Called again for a second attempt.
 */
export type InputReader = (onFacts: (batch: readonly NumericFact[]) => void) => Promise<AssessmentInput>;

/** What the worker receives, in this order: the facts in batches, then the rest of the input. */
export type ToWorker = { type: 'facts'; facts: FactColumns } | { type: 'input'; input: AssessmentInput };

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
  read: InputReader,
  onProgress: Progress,
  signal: AbortSignal,
  heapMb = RENDER_HEAP_MB,
): Promise<RenderedOutputs> {
  try {
    return await attempt(read, onProgress, signal, heapMb);
  } catch (err) {
    if (!outOfMemory(err) || signal.aborted) throw err;
    onProgress(0.05, 'finalise.retry');
    return attempt(read, onProgress, signal);
  }
}

/** One worker, fed while it loads; a failed read ends it, and an ended worker ends the read. */
async function attempt(
  read: InputReader,
  onProgress: Progress,
  signal: AbortSignal,
  heapMb?: number,
): Promise<RenderedOutputs> {
  const w = new Worker(boot, {
    eval: true,
    ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
  });
  let ended = false;
  const rendered = outcome(w, onProgress, signal).finally(() => {
    ended = true;
  });
  const send = (m: ToWorker, transfer: ArrayBuffer[] = []) => {
    if (ended) throw new Error('render worker ended');
    w.postMessage(m, transfer);
  };
  const sent = read((batch) => {
    signal.throwIfAborted();
    const facts = encodeFacts(batch);
    send({ type: 'facts', facts }, factColumnBuffers(facts));
  }).then((input) => send({ type: 'input', input }));
  sent.catch(() => void w.terminate());
  const [, out] = await Promise.all([sent, rendered]);
  return out;
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
