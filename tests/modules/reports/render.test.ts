// The render worker: an assessment whose live data does not fit the worker's heap ceiling is
// rendered again without one instead of failing (a small assessment with a ceiling of 16 MB),
// and what it hands back is whole (every published file, the restricted facts byte for byte).
import { describe, expect, it } from 'vitest';
import {
  type InputReader,
  RENDER_HEAP_MB,
  renderHeapMb,
  renderOutputsInWorker,
} from '../../../src/modules/reports/reports.render.js';
import { arrowOfFacts, RESTRICTED_FACTS } from '../../../src/reports/build/outputs.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

const input = syntheticAssessmentInput({ scale: 0.2, seed: 'render-worker' });

/** The input as the database read hands it over: the facts in batches of 1,000, then the rest. */
const reads: number[] = [];
const read: InputReader = async (onFacts) => {
  reads.push(reads.length);
  for (let i = 0; i < input.facts.length; i += 1000) onFacts(input.facts.slice(i, i + 1000));
  return { ...input, facts: [] };
};

describe('render worker', () => {
  it('renders again without a ceiling when the worker runs out of heap', async () => {
    const messages: string[] = [];
    const out = await renderOutputsInWorker(read, (_f, m) => messages.push(m), new AbortController().signal, 16);
    expect(messages).toContain('finalise.retry');
    expect(reads).toEqual([0, 1]);
    const names = out.files.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['report-kk.pdf', 'report-ru.pdf', 'report-kk.xlsx', 'report-ru.xlsx']),
    );
    expect(names.filter((n) => n.startsWith('profile-')).length).toBeGreaterThan(10);
    for (const f of out.files.filter((x) => x.name.endsWith('.pdf')))
      expect(f.content.subarray(0, 5).toString(), f.name).toBe('%PDF-');
    const restricted = out.files.find((f) => f.name === RESTRICTED_FACTS)!;
    expect(Buffer.compare(restricted.content, arrowOfFacts(input))).toBe(0);
    expect(out.disclosure.exposed).toEqual([]);
  }, 120_000);

  it('ends the render with the error of a read that fails midway, and a cancel ends the read', async () => {
    const failing: InputReader = async (onFacts) => {
      onFacts(input.facts.slice(0, 1000));
      throw new Error('database unavailable');
    };
    await expect(renderOutputsInWorker(failing, () => {}, new AbortController().signal)).rejects.toThrow(
      'database unavailable',
    );
    const cancel = new AbortController();
    let batches = 0;
    const slow: InputReader = async (onFacts) => {
      for (;;) {
        onFacts(input.facts.slice(0, 1000));
        batches += 1;
        if (batches === 3) cancel.abort(new Error('cancelled'));
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await expect(renderOutputsInWorker(slow, () => {}, cancel.signal)).rejects.toThrow('cancelled');
    expect(batches).toBe(3);
  }, 60_000);

  it('sizes the ceiling by the facts: the budget up to 10x national scale, more beyond', () => {
    expect(renderHeapMb(72_619)).toBe(RENDER_HEAP_MB);
    expect(renderHeapMb(507_251)).toBe(RENDER_HEAP_MB);
    expect(renderHeapMb(2_536_255)).toBe(1269);
  });
});
