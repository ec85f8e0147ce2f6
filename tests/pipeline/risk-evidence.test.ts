// Evidence per risk and per region on crafted facts whose figures are worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  computeRegionEvidence,
  computeRiskEvidence,
  type FactItemKind,
  type EvidenceFact,
} from '../../src/pipeline/risk-evidence.js';
import { createRng } from '../../src/synthetic/random.js';

const kinds = new Map<string, FactItemKind>([
  ['s1.q1.a', 'yes_no'],
  ['s1.q1.b', 'yes_no'],
  ['s1.q1.t', 'text'],
  ['s2.q1.count', 'count'],
  ['s2.q1.by_form', 'breakdown'],
]);
const regions = ['r1', 'r2', 'r3'];

function fact(itemId: string, org: string, region: string, year: number, r: Partial<EvidenceFact> = {}): EvidenceFact {
  return {
    itemId,
    organisationId: org,
    region,
    year,
    dimension: null,
    category: null,
    value: null,
    textValue: null,
    missingReason: null,
    ...r,
  };
}
const yes = (item: string, org: string, region = 'r1', year = 2026) =>
  fact(item, org, region, year, { category: 'yes', value: 1, textValue: 'описание' });
const no = (item: string, org: string, region = 'r1', year = 2026) =>
  fact(item, org, region, year, { category: 'no', value: 0 });
const missing = (item: string, org: string) => fact(item, org, 'r1', 2026, { missingReason: 'not_collected' });
const byForm = (org: string, region: string, year: number, counts: Record<string, number>) => [
  fact('s2.q1.by_form', org, region, year, { value: Object.values(counts).reduce((a, b) => a + b, 0) }),
  ...Object.entries(counts).map(([category, value]) =>
    fact('s2.q1.by_form', org, region, year, { dimension: 'form', category, value }),
  ),
];

const options = { itemKinds: kinds, regions, endYear: 2026 };

describe('computeRiskEvidence', () => {
  it('takes the share of "yes" over answered yes/no items only, ignoring missing answers', () => {
    const facts = [
      yes('s1.q1.a', 'o1'),
      no('s1.q1.a', 'o2'),
      yes('s1.q1.a', 'o3'),
      missing('s1.q1.a', 'o4'),
      no('s1.q1.b', 'o1'),
      no('s1.q1.b', 'o2'),
      missing('s1.q1.b', 'o3'),
    ];
    const [a, b, none] = computeRiskEvidence(
      facts,
      [
        { code: 'risk.a', items: ['s1.q1.a'] },
        { code: 'risk.b', items: ['s1.q1.b'] },
        { code: 'risk.c', items: ['s2.q1.count'] },
      ],
      options,
    );
    expect(a.raw.yes_share).toBeCloseTo(2 / 3, 12);
    expect(b.raw.yes_share).toBe(0);
    // Two risks on one indicator: min-max gives 10 and 0.
    expect(a.evidence).toBe(10);
    expect(b.evidence).toBe(0);
    // No data at all: null, never 0.
    expect(none.evidence).toBeNull();
    expect(none.indicatorsUsed).toBe(0);
  });

  it('also reads yes/no rows without a category, and a breakdown total on a "total" category row', () => {
    const facts = [
      fact('s1.q1.a', 'o1', 'r1', 2026, { value: 1 }),
      fact('s1.q1.a', 'o2', 'r1', 2026, { value: 0 }),
      fact('s2.q1.by_form', 'o1', 'r1', 2026, { dimension: 'form', category: 'total', value: 7 }),
      fact('s2.q1.by_form', 'o1', 'r1', 2026, { dimension: 'form', category: 'labour', value: 7 }),
    ];
    const [a, b] = computeRiskEvidence(
      facts,
      [
        { code: 'a', items: ['s1.q1.a'] },
        { code: 'b', items: ['s2.q1.by_form'] },
      ],
      options,
    );
    expect(a.raw.yes_share).toBe(0.5);
    expect(b.annualTotal).toBe(7);
  });

  it('scores no evidence from free text: it is for the experts to read', () => {
    const facts = [fact('s1.q1.t', 'o1', 'r1', 2026, { textValue: 'схемы вербовки' }), yes('s1.q1.a', 'o1')];
    const [t, withYes] = computeRiskEvidence(
      facts,
      [
        { code: 'risk.t', items: ['s1.q1.t'] },
        { code: 'risk.u', items: ['s1.q1.t', 's1.q1.a'] },
      ],
      options,
    );
    expect(t.evidence).toBeNull();
    expect(withYes.raw.yes_share).toBe(1);
  });

  it('sums only the selected breakdown categories, and the total without a selector', () => {
    const facts = [
      ...byForm('o1', 'r1', 2026, { sexual: 3, labour: 5, unknown: 1 }),
      ...byForm('o2', 'r2', 2026, { sexual: 1, labour: 0 }),
    ];
    const [all, labour, sexual] = computeRiskEvidence(
      facts,
      [
        { code: 'a.all', items: ['s2.q1.by_form'] },
        {
          code: 'b.labour',
          items: ['s2.q1.by_form'],
          selectors: [{ item: 's2.q1.by_form', dimension: 'form', categories: ['labour'] }],
        },
        {
          code: 'c.sexual',
          items: ['s2.q1.by_form'],
          selectors: [{ item: 's2.q1.by_form', dimension: 'form', categories: ['sexual'] }],
        },
      ],
      options,
    );
    expect(all.annualTotal).toBe(10);
    expect(labour.annualTotal).toBe(5);
    expect(sexual.annualTotal).toBe(4);
    expect(all.raw.volume).toBeCloseTo(Math.log1p(10), 12);
    // o2 reported labour 0: prevalence 1 of 2 organisations.
    expect(labour.raw.prevalence).toBe(0.5);
    expect(sexual.raw.prevalence).toBe(1);
    // Labour all in r1 of three regions: fully concentrated.
    expect(labour.raw.concentration).toBeCloseTo(1, 12);
    expect(sexual.concentrationDetail!.topRegion).toBe('r1');
  });

  it('measures the three-year trend of the annual totals', () => {
    const series = (code: string, values: number[]) =>
      values.map((v, k) => fact('s2.q1.count', `o-${code}`, 'r1', 2024 + k, { value: v }));
    const facts = [...series('x', [10, 20, 30]), ...series('y', [30, 20, 10])].map((f) => ({
      ...f,
      itemId: f.organisationId === 'o-x' ? 's2.q1.count' : 's2.q1.by_form',
      category: f.organisationId === 'o-x' ? null : 'total',
      dimension: f.organisationId === 'o-x' ? null : 'form',
    }));
    const [rising, falling] = computeRiskEvidence(
      facts,
      [
        { code: 'a.rising', items: ['s2.q1.count'] },
        { code: 'b.falling', items: ['s2.q1.by_form'] },
      ],
      options,
    );
    expect(rising.trendDetail!.slope).toBeCloseTo(10, 12);
    expect(rising.raw.trend).toBeCloseTo(0.5, 12);
    expect(falling.raw.trend).toBeCloseTo(-0.5, 12);
    expect(rising.normalised.trend).toBe(10);
    expect(falling.normalised.trend).toBe(0);
  });

  it("takes the largest subject's count of persons for a risk, adding only the counts that are not persons", () => {
    const kinds = new Map<string, FactItemKind>([
      ['s3.q1.victims_total', 'count'],
      ['s16.q1.victims_total', 'count'],
      ['s12.q1.sites_blocked_total', 'count'],
    ]);
    const facts = [
      fact('s3.q1.victims_total', 'o1', 'r1', 2026, { value: 30 }),
      fact('s16.q1.victims_total', 'o2', 'r1', 2026, { value: 25 }),
      fact('s16.q1.victims_total', 'o3', 'r2', 2026, { value: 20 }),
      fact('s12.q1.sites_blocked_total', 'o4', 'r1', 2026, { value: 5 }),
    ];
    const [r] = computeRiskEvidence(
      facts,
      [{ code: 'risk.x', items: ['s3.q1.victims_total', 's16.q1.victims_total', 's12.q1.sites_blocked_total'] }],
      { ...options, itemKinds: kinds },
    );
    // max(30, 25 + 20) = 45 persons (NGOs nationally), plus 5 sites; never 30 + 45.
    expect(r!.annualTotal).toBe(50);
  });

  it('does not depend on the order of the fact rows', () => {
    const rng = createRng(7);
    const facts: EvidenceFact[] = [];
    for (let o = 0; o < 30; o++) {
      const region = regions[o % 3];
      for (const year of [2024, 2025, 2026]) {
        facts.push(fact('s1.q1.a', `o${o}`, region, year, { value: rng.int(0, 1) }));
        facts.push(fact('s2.q1.count', `o${o}`, region, year, { value: rng.int(0, 40) }));
        facts.push(...byForm(`o${o}`, region, year, { sexual: rng.int(0, 9), labour: rng.int(0, 9) }));
      }
    }
    const specs = [
      { code: 'a', items: ['s1.q1.a', 's2.q1.count'] },
      {
        code: 'b',
        items: ['s2.q1.by_form'],
        selectors: [{ item: 's2.q1.by_form', dimension: 'form', categories: ['labour'] }],
      },
      { code: 'c', items: ['s2.q1.count', 's2.q1.by_form'] },
    ];
    const shuffled = [...facts];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(computeRiskEvidence(shuffled, [...specs].reverse(), options)).toEqual(
      computeRiskEvidence(facts, specs, options),
    );
    const ind = [
      { code: 'counts', items: ['s2.q1.count'] },
      { code: 'yes', items: ['s1.q1.a'] },
    ];
    expect(computeRegionEvidence(shuffled, ind, options)).toEqual(computeRegionEvidence(facts, ind, options));
  });
});

describe('computeRegionEvidence', () => {
  it('ranks regions by their indicators; a region without data gets null', () => {
    const facts = [
      fact('s2.q1.count', 'o1', 'r1', 2026, { value: 30 }),
      fact('s2.q1.count', 'o2', 'r2', 2026, { value: 10 }),
      fact('s2.q1.count', 'o3', 'r2', 2025, { value: 20 }),
      yes('s1.q1.a', 'o1', 'r1'),
      no('s1.q1.a', 'o2', 'r2'),
      fact('s2.q1.count', 'o9', 'elsewhere', 2026, { value: 1000 }),
    ];
    const out = computeRegionEvidence(
      facts,
      [
        { code: 'counts', items: ['s2.q1.count'] },
        { code: 'yes', items: ['s1.q1.a'] },
      ],
      options,
    );
    expect(out.map((r) => r.regionCode)).toEqual(regions);
    const [r1, r2, r3] = out;
    // r1: 30 per year; r2: (10 + 20) / 2 years = 15 per year.
    expect(r1.raw.counts).toBe(30);
    expect(r2.raw.counts).toBe(15);
    expect(r1.evidence).toBe(10);
    expect(r2.evidence).toBe(0);
    expect(r3.evidence).toBeNull();
  });

  it("takes the largest subject's count of persons instead of adding persons counted by several subjects", () => {
    const kinds = new Map<string, FactItemKind>([
      ['s3.q1.victims_total', 'count'],
      ['s16.q1.victims_total', 'count'],
      ['s2.q1.count', 'count'],
    ]);
    const opts = { ...options, itemKinds: kinds };
    const facts = [
      fact('s3.q1.victims_total', 'o1', 'r1', 2026, { value: 30 }),
      fact('s16.q1.victims_total', 'o2', 'r1', 2026, { value: 25 }),
      fact('s3.q1.victims_total', 'o3', 'r2', 2026, { value: 10 }),
      fact('s16.q1.victims_total', 'o4', 'r2', 2026, { value: 40 }),
    ];
    const out = computeRegionEvidence(
      facts,
      [{ code: 'victims_received', items: ['s3.q1.victims_total', 's16.q1.victims_total'] }],
      opts,
    );
    expect(out[0]!.raw.victims_received).toBe(30);
    expect(out[1]!.raw.victims_received).toBe(40);
  });
});
