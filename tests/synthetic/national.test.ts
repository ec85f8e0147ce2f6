import { describe, expect, it } from 'vitest';
import { getValidator, isBlocking } from '../../src/domain/questionnaire/validation.js';
import { assignableAgencyTypeCodes, territorialRegionCodes } from '../../src/domain/reference.js';
import { sha256 } from '../../src/modules/assessments/assessments.hash.js';
import { generateNationalDataset, NATIONAL_VERSION } from '../../src/synthetic/national.js';

const data = generateNationalDataset({ seed: 'synthetic-test' });

describe('synthetic national dataset', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(sha256(generateNationalDataset({ seed: 'synthetic-test' }))).toBe(sha256(data));
    expect(sha256(generateNationalDataset({ seed: 'other' }).submissions)).not.toBe(sha256(data.submissions));
  });

  it('covers every organisation type, all 20 regions and the non-territorial levels over three years', () => {
    expect(new Set(data.organisations.map((o) => o.agencyType))).toEqual(new Set(assignableAgencyTypeCodes));
    const regions = new Set(data.organisations.map((o) => o.region));
    for (const r of [...territorialRegionCodes, 'national', 'transport', 'abroad']) expect(regions, r).toContain(r);
    expect(data.organisations.length).toBeGreaterThan(250);
    expect(data.organisations.length).toBeLessThan(500);
    expect(data.campaigns.map((c) => c.year)).toEqual([2025, 2026, 2027]);
    expect(new Set(data.organisations.map((o) => o.id)).size).toBe(data.organisations.length);
    const ids = new Set(data.organisations.map((o) => o.id));
    for (const o of data.organisations) if (o.parentId) expect(ids).toContain(o.parentId);
  });

  it('grows linearly with the scale', () => {
    const x2 = generateNationalDataset({ seed: 'synthetic-test', scale: 2 }).organisations.length;
    const x4 = generateNationalDataset({ seed: 'synthetic-test', scale: 4 }).organisations.length;
    expect(x4 - x2).toBe(x2 - data.organisations.length + (x2 - data.organisations.length));
  });

  it('produces complete submissions that break only the planted rules', () => {
    const planted = new Set(
      data.plants.filter((p) => p.kind === 'consistency').map((p) => `${p.organisationId}/${p.year}`),
    );
    let explained = 0;
    const reasons = new Set<string>();
    for (const s of data.submissions) {
      expect(s.questionnaireVersion).toBe(NATIONAL_VERSION);
      const issues = getValidator(NATIONAL_VERSION, s.agencyType, 'complete')
        .validate(s.content)
        .issues.filter((i) => isBlocking(i, 'complete'));
      if (!planted.has(`${s.organisationId}/${s.year}`)) expect(issues, `${s.agencyType} ${s.year}`).toEqual([]);
      else expect(issues.length).toBeGreaterThan(0);
      for (const e of Object.values((s.content as { answers: Record<string, { missingReason?: string }> }).answers))
        if (e.missingReason) {
          explained++;
          reasons.add(e.missingReason);
        }
    }
    expect(explained).toBeGreaterThan(0);
    expect(reasons.size).toBeGreaterThanOrEqual(4);
  });

  it('leaves some organisations without a submission and some submissions late', () => {
    const expected = data.organisations.length * 3;
    expect(data.submissions.length).toBeLessThan(expected);
    expect(data.submissions.length).toBeGreaterThan(expected * 0.95);
    const late = data.submissions.filter(
      (s) => s.submittedAt! > `${data.campaigns.find((c) => c.id === s.campaignId)!.deadline}T23:59`,
    );
    expect(late.length).toBeGreaterThan(0);
  });

  it('returns the locations of its planted anomalies, on submitted data', () => {
    expect(data.plants.length).toBeGreaterThanOrEqual(10);
    const submitted = new Set(data.submissions.map((s) => `${s.organisationId}/${s.year}`));
    for (const p of data.plants)
      if (p.kind !== 'reconciliation') expect(submitted).toContain(`${p.organisationId}/${p.year}`);
    expect(generateNationalDataset({ seed: 'synthetic-test', plants: false }).plants).toEqual([]);
  });
});
