import { describe, expect, it, vi } from 'vitest';
import { auditLinkedSet, primaryMarks } from '../../../src/pipeline/disclosure/audit.js';
import type { LinkedSet } from '../../../src/pipeline/disclosure/linked.js';
import { DisclosureExposedError } from '../../../src/reports/build/disclosure.js';
import { renderOutputs } from '../../../src/reports/build/outputs.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

// Table-by-table thinking, simulated: a protection that hides the small counts and nothing else.
vi.mock('../../../src/pipeline/disclosure/protect.js', () => ({
  protectLinkedSet: (set: LinkedSet, options: { threshold: number }) => {
    const marks = primaryMarks(set, options.threshold);
    return { marks, audit: auditLinkedSet(set, marks, options), ms: 0 };
  },
}));

describe('renderOutputs', () => {
  it('refuses to render anything when the audit can derive a hidden count, listing the exposed cells', async () => {
    const input = syntheticAssessmentInput({ seed: 1 });
    const progress = vi.fn();
    const err = await renderOutputs(input, progress).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DisclosureExposedError);
    const exposed = (err as DisclosureExposedError).audit.exposed;
    expect(exposed.length).toBeGreaterThan(0);
    for (const e of exposed) expect(e.lo).toBe(e.hi); // recovered exactly, as in the issue
    expect(exposed.map((e) => e.key)).toContain('victims_by:social_status|agency:mz|unemployed|2022');
    expect(progress).not.toHaveBeenCalled();
  }, 60_000);
});
