// The render workers: a small assessment is rendered by two workers (one language each), a large
// one by one, and both give the same files in the same order; a worker whose data does not fit its
// heap ceiling is started again without one instead of failing (forced with a 16 MB ceiling).
import { describe, expect, it } from 'vitest';
import {
  PARALLEL_FACTS,
  RENDER_HEAP_MB,
  renderHeapMb,
  renderOutputsInWorker,
} from '../../../src/modules/reports/reports.render.js';
import { arrowOfFacts, RESTRICTED_FACTS } from '../../../src/reports/build/outputs.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

const input = syntheticAssessmentInput({ scale: 0.2, seed: 'render-worker' });

describe('render workers', () => {
  it('give the same files split by language as whole, and render again without a ceiling when out of heap', async () => {
    expect(input.facts.length).toBeLessThanOrEqual(PARALLEL_FACTS);
    const signal = new AbortController().signal;
    const progress: number[] = [];
    const split = await renderOutputsInWorker({ input }, (f) => progress.push(f), signal, {
      facts: input.facts.length,
    });
    const messages: string[] = [];
    // Told it is large: one worker, with a ceiling its data does not fit.
    const whole = await renderOutputsInWorker({ input }, (_f, m) => messages.push(m), signal, {
      facts: PARALLEL_FACTS + 1,
      heapMb: 16,
    });
    expect(messages).toContain('finalise.retry');
    const names = whole.files.map((f) => f.name);
    expect(split.files.map((f) => f.name)).toEqual(names);
    expect(names.slice(0, 2)).toEqual(['report-kk.pdf', 'report-kk.xlsx']);
    expect(names.indexOf('report-ru.pdf')).toBeGreaterThan(10);
    expect(names.at(-1)).toBe(RESTRICTED_FACTS);
    for (const f of split.files.filter((x) => x.name.endsWith('.pdf')))
      expect(f.content.subarray(0, 5).toString(), f.name).toBe('%PDF-');
    expect(Buffer.compare(split.files.at(-1)!.content, arrowOfFacts(input))).toBe(0);
    // The same protection in every worker (its time aside).
    expect({ ...split.disclosure, ms: 0 }).toEqual({ ...whole.disclosure, ms: 0 });
    expect(split.disclosure.exposed).toEqual([]);
    // The two workers' progress is combined: it reaches the end and never exceeds it.
    expect(Math.max(...progress)).toBeLessThanOrEqual(1);
    expect(Math.max(...progress)).toBeGreaterThan(0.85);
  }, 180_000);

  it('sizes the ceiling by the facts: the budget up to 10x national scale, more beyond', () => {
    expect(renderHeapMb(72_619)).toBe(RENDER_HEAP_MB);
    expect(renderHeapMb(507_251)).toBe(RENDER_HEAP_MB);
    expect(renderHeapMb(2_536_255)).toBe(1269);
  });
});
