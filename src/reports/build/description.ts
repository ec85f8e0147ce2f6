// Chapter 1: scope, sources, participation rates and the method (Rules §8-§16).
import type { Lang } from '../../shared/lang.js';
import type { Description, ScaleStep } from '../report.view-model.js';
import { addMonths } from '../../shared/dates.js';
import { formatDate, formatNumber } from '../format.js';
import { fill } from '../texts.js';
import { captions } from './captions.js';
import type { AssessmentInput } from './inputs.js';
import type { NumericFact } from '../../pipeline/facts.js';
import { paragraphsOf } from './narrative-keys.js';
import { referenceLines } from './references.js';

/** Share of (organisation, year, item) answers that carry a value rather than a missing-data reason. */
export function completenessRate(facts: readonly NumericFact[]): number {
  // organisation -> item -> bit mask (bit y: answered or explained in year slot y, bit 8 + y: explained).
  // Nested maps instead of string keys: this runs over every fact of large assessments.
  const seen = new Map<string, Map<string, number>>();
  const slot = new Map<number, number>();
  for (const f of facts) {
    let y = slot.get(f.year);
    if (y === undefined) slot.set(f.year, (y = slot.size));
    let items = seen.get(f.organisationId);
    if (!items) seen.set(f.organisationId, (items = new Map()));
    const bits = (1 << y) | (f.missingReason === null ? 0 : 1 << (8 + y));
    items.set(f.itemId, (items.get(f.itemId) ?? 0) | bits);
  }
  let all = 0;
  let explained = 0;
  const popcount = (n: number) => n.toString(2).replace(/0/g, '').length;
  for (const items of seen.values())
    for (const mask of items.values()) {
      all += popcount(mask & 0xff);
      explained += popcount(mask >> 8);
    }
  return all ? (all - explained) / all : 0;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** The test whose p-value is given: chi-square, or the permutation test used for few risks. */
function testOf(
  k: { pValueMethod?: string; chiSquare: number; df: number; permutations?: number },
  lang: Lang,
): string {
  const tests = captions().kendallTests;
  const method = (k.pValueMethod ?? 'chi-square') as keyof typeof tests;
  return fill((tests[method] ?? tests['chi-square'])[lang], {
    chi: formatNumber(k.chiSquare, 'decimal2'),
    df: k.df,
    n: formatNumber(k.permutations ?? 0),
  });
}

function scale(steps: { kk: [string, string]; ru: [string, string] }[], lang: Lang): ScaleStep[] {
  return steps.map((s, n) => ({ value: (n + 1) as ScaleStep['value'], label: s[lang][0], description: s[lang][1] }));
}

/** `draft`: the generated text, shown while the experts have written none. */
/** The requests' lines for the sources (those with a recorded requesting body). */
function requestLines(input: AssessmentInput, lang: Lang): string[] {
  const c = captions();
  return (input.requests ?? [])
    .filter((r) => r.requestingBody)
    .sort((a, b) => a.year - b.year)
    .map((r) =>
      fill(c.requestSource[lang], {
        body: c.agencyShort[r.requestingBody!]?.[lang] ?? r.requestingBody!,
        date: formatDate(r.outgoingDate ?? r.requestDate),
        number: r.outgoingNumber ?? '—',
        year: r.year,
        deadline: formatDate(r.deadline),
      }),
    );
}

export function buildDescription(input: AssessmentInput, lang: Lang, draft: string[] = []): Description {
  const c = captions();
  const [from, , to] = input.years;
  const p = input.participation;
  const k = input.ranking.kendall;
  const experts = Math.max(0, ...input.ranking.risks.map((r) => r.nExperts));
  const written = paragraphsOf(input.narrative.description?.[lang]);
  return {
    scope: [fill(c.scope[lang], { from, to }), ...(written.length ? written : draft)],
    ...(written.length === 0 && draft.length > 0 ? { draft: true } : {}),
    sources: [
      fill(c.questionnaireSource[lang], { n: p.participating, submissions: p.submissions }),
      ...requestLines(input, lang),
      fill(c.rankingSource[lang], { experts }),
    ],
    references: referenceLines(input.references, lang),
    participatingOrganisations: p.participating,
    requestedOrganisations: p.requested,
    ...(p.byYear?.length ? { responseByYear: p.byYear } : {}),
    rates: {
      response: ratio(p.participating, p.requested),
      timeliness: ratio(p.timely, p.submissions),
      completeness: completenessRate(input.facts),
      // Rules §9: a month unless the request set another term; the caption names the actual one.
      term: (input.requests ?? []).every((r) => addMonths(r.requestDate, 1) === r.deadline) ? 'monthly' : 'custom',
    },
    method: {
      qualityRules: c.qualityRules.map((r) => ({ code: r.code, text: r[lang] })),
      likelihoodScale: scale(c.likelihoodScale, lang),
      impactScale: scale(c.impactScale, lang),
      // The bands of src/pipeline/delphi.ts riskLevel on integer scores.
      levelBands: [
        { level: 'low', min: 1, max: 4 },
        { level: 'medium', min: 5, max: 11 },
        { level: 'high', min: 12, max: 19 },
        { level: 'critical', min: 20, max: 25 },
      ],
      kendall:
        k.W === null
          ? { w: 0, chiSquare: 0, df: 0, p: 1, experts: k.m, risks: k.n }
          : { w: k.W, chiSquare: k.chiSquare, df: k.df, p: k.pValue, experts: k.m, risks: k.n, test: testOf(k, lang) },
    },
  };
}
