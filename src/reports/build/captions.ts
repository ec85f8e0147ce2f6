// The builder's own fixed texts (table captions, indicator names, scales) in kk and ru,
// kept as data in reports/captions.json so wording is edited without touching code.
import { readFileSync } from 'node:fs';
import type { Bilingual, Lang } from '../../shared/lang.js';

type Pair = { kk: [string, string]; ru: [string, string] };

export interface Captions {
  scope: Bilingual;
  questionnaireSource: Bilingual;
  /** One request of Rules §9 (issue 20): body, outgoing date and number, reporting year, term. */
  requestSource: Bilingual;
  /** The timeliness caption when a request set a term other than the Rules' month. */
  timelinessByRequest: Bilingual;
  rankingSource: Bilingual;
  unknown: Bilingual;
  total: Bilingual;
  category: Bilingual;
  region: Bilingual;
  rank: Bilingual;
  evidence: Bilingual;
  indicator: Bilingual;
  agencyType: Bilingual;
  organisations: Bilingual;
  victimsNote: Bilingual;
  tables: Record<string, Bilingual>;
  indicators: Record<string, Bilingual>;
  qualityRules: ({ code: string } & Bilingual)[];
  likelihoodScale: Pair[];
  impactScale: Pair[];
  findings: { severity: Bilingual; code: Bilingual; count: Bilingual; severities: Record<string, Bilingual> };
  missingReason: Bilingual;
  recommendation: Bilingual;
  defaultMeasure: Bilingual;
  nationalProfileNote: Bilingual;
}

/** The §14 analysis's own captions (reports/analysis-captions.json); its tables and indicators join the base ones. */
export interface AnalysisCaptions {
  tables: Record<string, Bilingual>;
  indicators: Record<string, Bilingual>;
  agencyShort: Record<string, Bilingual>;
  sideBySideNote: Bilingual;
  namedSubjectNote: Bilingual;
  anchorNote: Bilingual;
  anchorReasons: Record<string, Bilingual>;
  regionsNote: Bilingual;
  yesShare: Bilingual;
  respondents: Bilingual;
  noDataTables: Bilingual;
  kendallTests: Record<'chi-square' | 'exact-permutation' | 'monte-carlo-permutation', Bilingual>;
  agreementNote: Bilingual;
  responseYear: Bilingual;
  referenceTypes: Record<string, Bilingual>;
  noRiskAreas: Bilingual;
  /** Quality-finding codes (exact, or the prefix before the first dot) -> label. */
  findingCodes: Record<string, Bilingual>;
}

let cache: (Captions & AnalysisCaptions) | undefined;

const readData = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../reports/${name}`, import.meta.url), 'utf8'));

export function captions(): Captions & AnalysisCaptions {
  if (!cache) {
    const base = readData('captions.json') as Captions;
    const analysis = readData('analysis-captions.json') as AnalysisCaptions;
    cache = {
      ...base,
      ...analysis,
      tables: { ...base.tables, ...analysis.tables },
      indicators: { ...base.indicators, ...analysis.indicators },
    };
  }
  return cache;
}

/** A caption in one language; throws on a missing key so a typo fails the tests, not the PDF. */
export function tr(text: Bilingual | undefined, lang: Lang, what = 'caption'): string {
  if (!text) throw new Error(`report builder: missing ${what}`);
  return text[lang];
}
