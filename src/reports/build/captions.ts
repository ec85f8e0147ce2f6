// The builder's own fixed texts (table captions, indicator names, scales) in kk and ru,
// kept as data in reports/captions.json so wording is edited without touching code.
import { readFileSync } from 'node:fs';
import type { Bilingual, Lang } from '../../shared/lang.js';

type Pair = { kk: [string, string]; ru: [string, string] };

export interface Captions {
  scope: Bilingual;
  questionnaireSource: Bilingual;
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

let cache: Captions | undefined;

export function captions(): Captions {
  cache ??= JSON.parse(readFileSync(new URL('../../../reports/captions.json', import.meta.url), 'utf8')) as Captions;
  return cache;
}

/** A caption in one language; throws on a missing key so a typo fails the tests, not the PDF. */
export function tr(text: Bilingual | undefined, lang: Lang, what = 'caption'): string {
  if (!text) throw new Error(`report builder: missing ${what}`);
  return text[lang];
}
