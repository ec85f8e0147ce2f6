import { describe, expect, it, vi } from 'vitest';
import { protectReport } from '../../../src/reports/build/build.js';
import { DisclosureExposedError, type ReportProtection } from '../../../src/reports/build/disclosure.js';
import { renderOutputs } from '../../../src/reports/build/outputs.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

describe('renderOutputs', () => {
  it('refuses to render anything when the audit of the published model derives a hidden count, listing the cells', async () => {
    const input = syntheticAssessmentInput({ seed: 1 });
    const real = protectReport(input);
    // Table-by-table thinking: the small counts hidden and nothing else, and a protector that claims success.
    const primaryOnly: ReportProtection = {
      ...real,
      marks: new Map([...real.marks].filter(([, m]) => m === 'primary')),
    };
    const progress = vi.fn();
    const err = await renderOutputs(input, progress, primaryOnly).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DisclosureExposedError);
    const exposed = (err as DisclosureExposedError).audit.exposed;
    expect(exposed.length).toBeGreaterThan(0);
    for (const e of exposed) expect(e.lo).toBe(e.hi); // recovered exactly, as in the issue
    expect(exposed.map((e) => e.key)).toContain('victims_by:social_status|agency:mz|unemployed|2022');
    expect(progress).not.toHaveBeenCalled();
    // The real protection renders.
    expect(real.audit.exposed).toEqual([]);
    expect(real.marks.size).toBeGreaterThan(primaryOnly.marks.size);
  }, 60_000);
});
