// Loads the report's fixed texts (reports/texts.<lang>.json) and the SOP indicators
// (reports/sop-indicators.json), validated with zod. Files are read once and cached.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lang } from '../shared/lang.js';
import { agencyTypeCodes, type AgencyTypeCode, coversAgencyType } from '../domain/reference.js';
import { conclusionKeys, type IndicatorGroup } from './report.view-model.js';
import { concernsMinors } from './sop-profiles.js';

const dataDir = new URL('../../reports/', import.meta.url);

const text = z.string().min(1);
const record = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>).strict();

const reportTextsSchema = z
  .object({
    language: z.enum(['kk', 'ru']),
    titlePage: record([
      'title',
      'period',
      'preparedBy',
      'addressee',
      'coordinatingBody',
      'finalisedAt',
      'assessmentId',
      'place',
    ]),
    legalBasisHeading: text,
    legalBasis: text,
    tableOfContents: text,
    pageOf: text.includes('{page}').includes('{pages}'),
    tablePrefix: text.includes('{n}'),
    figurePrefix: text.includes('{n}'),
    annexPrefix: text.includes('{n}'),
    continued: text,
    chapters: record(['description', 'conclusions', 'recommendations', 'riskProfiles', 'annexes']),
    conclusionHeadings: record(conclusionKeys),
    description: z
      .object({
        ...record([
          'scope',
          'sources',
          'participation',
          'participationText',
          'ratesCaption',
          'indicator',
          'value',
          'responseRate',
          'timeliness',
          'completeness',
          'method',
          'qualityRules',
          'scalesCaption',
          'scaleValue',
          'likelihood',
          'impact',
          'bandsCaption',
          'level',
          'scoreRange',
          'kendall',
          'referencesHeading',
          'noReferences',
        ]).shape,
        methodText: z.array(text).min(1),
      })
      .strict(),
    recommendations: record(['item', 'intro', 'risks', 'agencies']),
    profile: record([
      'documentTitle',
      'definition',
      'riskArea',
      'indicators',
      'victimProfile',
      'sopIndicators',
      'sopNote',
      'mitigation',
      'threeElements',
      'minorsNote',
      'functions',
      'functionsSource',
      'referral',
      'refersTo',
      'referredBy',
      'registerMeasures',
      'noMeasures',
      'commonPart',
      'commonMinors',
      'commonPointer',
      'riskAreaNote',
    ]),
    annexes: record(['riskRegister', 'heatMap', 'qualityFindings', 'missingReasons', 'heatMapNote']),
    columns: record([
      'rank',
      'risk',
      'likelihood',
      'impact',
      'score',
      'level',
      'iqrLikelihood',
      'iqrImpact',
      'consensus',
    ]),
    levels: record(['low', 'medium', 'high', 'critical']),
    consensus: record(['high', 'moderate', 'low']),
    trend: record(['label', 'up', 'down', 'stable', 'none']),
    suppressed: text,
    noData: text,
  })
  .strict();
export type ReportTexts = z.infer<typeof reportTextsSchema>;

const bilingualText = z.object({ ru: text, kk: text }).strict();
// 'minors': every agency type whose profile concerns minors (reports/sop-profiles.json).
const agencies = z.union([
  z.literal('all'),
  z.literal('minors'),
  z.array(z.enum(agencyTypeCodes as [AgencyTypeCode, ...AgencyTypeCode[]])).min(1),
]);

const sopSchema = z
  .object({
    source: bilingualText,
    /** The SOP exists in Russian only; every kk text is our translation. */
    kkIsTranslation: z.literal(true),
    translationNote: text,
    groups: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-z_]+$/),
            kind: z.enum(['risk_group', 'place', 'channel', 'indicator', 'border_indicator']),
            title: bilingualText,
            titleNote: text.optional(),
            /** Agency types the group is relevant to; an item's own list overrides it. */
            agencies,
            items: z
              .array(
                bilingualText
                  .extend({ id: z.string().regex(/^[a-z_]+\.\d{2}$/), agencies: agencies.optional() })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type SopIndicators = z.infer<typeof sopSchema>;

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(new URL(file, dataDir), 'utf8')));
}

const textsCache = new Map<Lang, ReportTexts>();
let sopCache: SopIndicators | undefined;

export function loadTexts(lang: Lang): ReportTexts {
  let texts = textsCache.get(lang);
  if (!texts) {
    texts = readJson(`texts.${lang}.json`, reportTextsSchema);
    if (texts.language !== lang) throw new Error(`texts.${lang}.json declares language ${texts.language}`);
    textsCache.set(lang, texts);
  }
  return texts;
}

export function loadSopIndicators(): SopIndicators {
  sopCache ??= readJson('sop-indicators.json', sopSchema);
  return sopCache;
}

/** The texts of a document: its language's, with the suppressed-count label of its threshold. */
export function textsFor(meta: { language: Lang; suppressionThreshold?: number }): ReportTexts {
  const t = loadTexts(meta.language);
  const n = meta.suppressionThreshold;
  return n === undefined || n === 10 ? t : { ...t, suppressed: `<${n}` };
}

/** The SOP groups (with only their relevant items) for one agency type, in the given language. */
export function sopForAgency(agency: AgencyTypeCode, lang: Lang): IndicatorGroup[] {
  const minors = concernsMinors(agency);
  const relevant = (tags: 'all' | 'minors' | AgencyTypeCode[]) =>
    tags === 'all' || (tags === 'minors' ? minors : coversAgencyType(tags, agency));
  return loadSopIndicators()
    .groups.map((g) => ({
      title: g.title[lang],
      items: g.items.filter((i) => relevant(i.agencies ?? g.agencies)).map((i) => i[lang]),
      // The same for every agency type (or every one concerned with minors): the report prints it once at the head of chapter 4.
      ...(g.agencies !== 'all' && g.agencies !== 'minors'
        ? {}
        : g.items.every((i) => i.agencies === undefined)
          ? { common: g.agencies }
          : {}),
    }))
    .filter((g) => g.items.length > 0);
}

/** Replaces `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
