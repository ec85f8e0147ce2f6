// Generated drafts of the analysis in words (kk and ru): for the description and each
// §14 point, what changed over the three years and by how much, where, which subjects
// report it, how complete the data are, and the caveats, from the same indicators the
// tables show. Deterministic; every draft starts with a marker line the experts remove
// to accept it (finalisation refuses a chapter still carrying it). Free texts are
// summarised by counting the themes of reports/text-themes.json, never paraphrased.
import { readFileSync } from 'node:fs';
import { agencyTypeCodes } from '../../domain/reference.js';
import type { Bilingual, Lang } from '../../shared/lang.js';
import { formatNumber } from '../format.js';
import type { ConclusionKey } from '../report.view-model.js';
import { conclusionKeys } from '../report.view-model.js';
import { fill } from '../texts.js';
import { analysisPoint, expandLink, textPointOf } from './analysis-map.js';
import { captions } from './captions.js';
import type { NumericFact } from '../../pipeline/facts.js';
import type { YearValues } from './facts.js';
import { indicatorDefs, indicatorRows, subjectRows as subjectRowsOf, type IndicatorKey } from './indicators.js';
import type { AssessmentInput, TextAnswer } from './inputs.js';
import { agencyShort, isPersonItem } from './persons.js';
import type { BuildContext, IndicatorRow } from './tables.js';

type Phrases = Record<string, Bilingual> & { description: Bilingual };
interface Theme {
  code: string;
  kk: string;
  ru: string;
  stems: string[];
}

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../reports/${name}`, import.meta.url), 'utf8'));
let phrasesCache: Phrases | undefined;
let themesCache: Theme[] | undefined;
const phrases = () => (phrasesCache ??= read('draft-phrases.json') as Phrases);
const themes = () => (themesCache ??= (read('text-themes.json') as { themes: Theme[] }).themes);

/** The first line of every generated draft; its presence means "not yet accepted". */
export const draftMarker = (lang: Lang): string => phrases().marker[lang];
export const isDraftText = (text: string): boolean =>
  text.includes(phrases().marker.kk) || text.includes(phrases().marker.ru);
/** A generated draft accepted as it stands: its first paragraph (the marker) removed, as an expert would. */
export const withoutDraftMarker = (text: string): string => text.split('\n\n').slice(1).join('\n\n');

const pct = (x: number) => formatNumber(x, 'percent');
const num = (x: number) => formatNumber(x);

function delta(ctx: BuildContext, v: YearValues): string {
  const p = phrases();
  const [a, , c] = v;
  if (a === 0) return fill(p.fromZero[ctx.lang], { y1: ctx.years[0] });
  const r = (c - a) / a;
  if (Math.abs(r) < 0.005) return p.same[ctx.lang];
  return fill((r > 0 ? p.up : p.down)[ctx.lang], { pct: pct(Math.abs(r)) });
}

function changeSentence(ctx: BuildContext, row: IndicatorRow): string {
  const p = phrases();
  const label = row.label ?? captions().indicators[row.key]?.[ctx.lang] ?? row.key;
  if (row.values.every((v) => v === 0)) return fill(p.noData[ctx.lang], { label });
  return fill(p.change[ctx.lang], {
    label,
    first: num(row.values[0]),
    last: num(row.values[2]),
    y1: ctx.years[0],
    y3: ctx.years[2],
    delta: delta(ctx, row.values),
  });
}

const changes = (ctx: BuildContext, keys: IndicatorKey[]) =>
  keys.flatMap((k) => indicatorRows(ctx, k)).map((r) => changeSentence(ctx, r));

/** Items (numeric and free text) of a §14 point in the assessment's questionnaire version. */
function pointItems(key: ConclusionKey, version: string): Set<string> {
  const p = analysisPoint(key);
  return new Set([...p.items, ...p.texts].flatMap((l) => expandLink(l.id, version)));
}

interface ItemStats {
  /** Organisations with a value in the last year, by subject type. */
  orgs: Map<string, Set<string>>;
  /** Plain answers (value or missing-data reason) over the three years, and those with a reason, by reason. */
  all: number;
  reasons: Map<string, number>;
}

// Per item, computed once per fact table: points share items, and both languages read them.
const statsMemo = new WeakMap<readonly NumericFact[], Map<string, ItemStats>>();

function itemStats(ctx: BuildContext, id: string): ItemStats {
  let m = statsMemo.get(ctx.index.facts);
  if (!m) statsMemo.set(ctx.index.facts, (m = new Map()));
  let st = m.get(id);
  if (!st) {
    st = { orgs: new Map(), all: 0, reasons: new Map() };
    for (const f of ctx.index.item(id)) {
      if (f.year === ctx.years[2] && f.missingReason === null) {
        let o = st.orgs.get(f.agencyType);
        if (!o) st.orgs.set(f.agencyType, (o = new Set()));
        o.add(f.organisationId);
      }
      if (f.dimension !== null || ctx.index.yearIndex(f.year) < 0) continue;
      st.all++;
      if (f.missingReason !== null) st.reasons.set(f.missingReason, (st.reasons.get(f.missingReason) ?? 0) + 1);
    }
    m.set(id, st);
  }
  return st;
}

function subjectsSentence(ctx: BuildContext, items: Set<string>): string {
  const p = phrases();
  const orgs = new Map<string, Set<string>>();
  for (const id of items)
    for (const [type, set] of itemStats(ctx, id).orgs) {
      let s = orgs.get(type);
      if (!s) orgs.set(type, (s = new Set()));
      for (const o of set) s.add(o);
    }
  const n = [...orgs.values()].reduce((a, s) => a + s.size, 0);
  if (n === 0) return fill(p.noSubjects[ctx.lang], { y3: ctx.years[2] });
  const list = agencyTypeCodes
    .filter((c) => orgs.has(c))
    .map((c) => `${agencyShort(ctx, c)} — ${orgs.get(c)!.size}`)
    .join(', ');
  return fill(p.subjects[ctx.lang], { y3: ctx.years[2], n, list });
}

function completenessSentence(ctx: BuildContext, items: Set<string>): string {
  const p = phrases();
  let all = 0;
  let explained = 0;
  const reasons = new Map<string, number>();
  for (const id of items) {
    const st = itemStats(ctx, id);
    all += st.all;
    for (const [r, n] of st.reasons) {
      explained += n;
      reasons.set(r, (reasons.get(r) ?? 0) + n);
    }
  }
  if (all === 0 || explained === 0) return p.complete[ctx.lang];
  const top = [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  return fill(p.completeness[ctx.lang], { share: pct((all - explained) / all), reason: ctx.labels.missingReason(top) });
}

// Answers repeat (and the kk and ru models count the same ones): themes are found once per distinct text.
const themeMemo = new Map<string, Theme[]>();
function themesOf(text: string): Theme[] {
  let hit = themeMemo.get(text);
  if (!hit) {
    const lower = text.toLowerCase();
    hit = themes().filter((th) => th.stems.some((s) => lower.includes(s)));
    if (themeMemo.size > 200_000) themeMemo.clear();
    themeMemo.set(text, hit);
  }
  return hit;
}

const byPointMemo = new WeakMap<readonly TextAnswer[], Map<ConclusionKey, TextAnswer[]>>();

/** The answers grouped by the point they are read under (each item's point looked up once). */
function textsByPoint(texts: readonly TextAnswer[]): Map<ConclusionKey, TextAnswer[]> {
  let out = byPointMemo.get(texts);
  if (!out) {
    out = new Map();
    const pointOf = new Map<string, ConclusionKey | null>();
    for (const t of texts) {
      let k = pointOf.get(t.itemId);
      if (k === undefined) pointOf.set(t.itemId, (k = textPointOf(t.itemId)));
      if (k === null) continue;
      let list = out.get(k);
      if (!list) out.set(k, (list = []));
      list.push(t);
    }
    byPointMemo.set(texts, out);
  }
  return out;
}

type ThemeSummary = { n: number; questions: string[]; counts: [Theme, number][]; other: number };
// The counts do not depend on the language: the kk and ru models share them.
const countsMemo = new WeakMap<readonly TextAnswer[], Map<string, ThemeSummary>>();

/** Theme counts of the free-text answers read under a point. */
export function themeCounts(texts: readonly TextAnswer[], key: ConclusionKey, years: readonly number[]): ThemeSummary {
  let m = countsMemo.get(texts);
  if (!m) countsMemo.set(texts, (m = new Map()));
  const memoKey = `${key}|${years.join()}`;
  let out = m.get(memoKey);
  if (!out) m.set(memoKey, (out = countThemes(texts, key, years)));
  return out;
}

function countThemes(texts: readonly TextAnswer[], key: ConclusionKey, years: readonly number[]): ThemeSummary {
  const mine =
    textsByPoint(texts)
      .get(key)
      ?.filter((t) => years.includes(t.year) && t.text.trim() !== '') ?? [];
  const counts = new Map<string, number>();
  let other = 0;
  for (const t of mine) {
    const hit = themesOf(t.text);
    if (!hit.length) other++;
    for (const th of hit) counts.set(th.code, (counts.get(th.code) ?? 0) + 1);
  }
  const questions = [
    ...new Set(
      mine.map((t) =>
        t.itemId
          .split('.')
          .slice(0, 2)
          .join('.')
          .replace(/^s(\d+)\.q(\d+)$/, '$1.$2'),
      ),
    ),
  ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const ordered = themes()
    .filter((th) => counts.has(th.code))
    .map((th): [Theme, number] => [th, counts.get(th.code)!])
    .sort((a, b) => b[1] - a[1]);
  return { n: mine.length, questions, counts: ordered, other };
}

function themesSentence(ctx: BuildContext, input: AssessmentInput, key: ConclusionKey): string {
  const p = phrases();
  const t = themeCounts(input.texts ?? [], key, ctx.years);
  if (t.n === 0) return p.noTexts[ctx.lang];
  const list = t.counts
    .slice(0, 6)
    .map(([th, n]) => fill(p.theme[ctx.lang], { theme: th[ctx.lang], n }))
    .join(', ');
  return fill(p.themes[ctx.lang], { n: t.n, questions: t.questions.join(', '), themes: list || '—', other: t.other });
}

function yesTop(ctx: BuildContext, input: AssessmentInput, question: string, top = 3): string {
  const p = phrases();
  const ids = expandLink(`${question}.*`, input.questionnaireVersion);
  const rows = ids
    .map((id) => {
      const yes = [0, 0, 0];
      const all = [0, 0, 0];
      for (const f of ctx.index.item(id)) {
        const y = ctx.index.yearIndex(f.year);
        if (y < 0 || f.value === null || f.dimension !== null) continue;
        all[y]++;
        yes[y] += f.value;
      }
      return { id, share: all.map((n, y) => (n ? yes[y]! / n : 0)), answered: all[2]! > 0 };
    })
    .filter((r) => r.answered);
  if (!rows.length) return '';
  rows.sort((a, b) => b.share[2]! - a.share[2]! || a.id.localeCompare(b.id));
  const label = (id: string) => ctx.labels.item(id);
  const list = rows
    .slice(0, top)
    .map((r) =>
      fill(p.yesItem[ctx.lang], {
        label: label(r.id),
        share: pct(r.share[2]!),
        y1: ctx.years[0],
        y3: ctx.years[2],
        delta: `${r.share[2]! >= r.share[0]! ? '+' : '−'}${formatNumber(Math.abs(r.share[2]! - r.share[0]!) * 100, 'decimal1')}`,
      }),
    )
    .join('; ');
  return fill(p.yesTop[ctx.lang], { question: question.replace(/^s(\d+)\.q(\d+)$/, '$1.$2'), list });
}

/** For each subject type, the largest category of a breakdown of persons (three years together). */
function topBySubject(ctx: BuildContext, items: RegExp, dimension: string, max = 4): string[] {
  const by = new Map<string, Map<string, number>>();
  for (const f of ctx.index.items(items)) {
    if (
      f.value === null ||
      f.dimension !== dimension ||
      f.category === null ||
      f.category === 'unknown' ||
      ctx.index.yearIndex(f.year) < 0
    )
      continue;
    let m = by.get(f.agencyType);
    if (!m) by.set(f.agencyType, (m = new Map()));
    m.set(f.category, (m.get(f.category) ?? 0) + f.value);
  }
  const sized = [...by]
    .map(([s, m]) => ({ s, m, total: [...m.values()].reduce((a, b) => a + b, 0) }))
    .filter((x) => x.total > 0)
    .sort((a, b) => b.total - a.total || a.s.localeCompare(b.s));
  return sized.slice(0, max).map(({ s, m, total }) => {
    const [cat, v] = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    return fill(phrases().top[ctx.lang], {
      subject: agencyShort(ctx, s),
      category: ctx.labels.category(dimension, cat),
      share: pct(v / total),
    });
  });
}

function regionsSentence(ctx: BuildContext, input: AssessmentInput): string {
  const sums = new Map<string, number>();
  for (const f of ctx.index.item(indicatorDefs.victims_recognised.item)) {
    if (f.dimension !== null || f.value === null || ctx.index.yearIndex(f.year) < 0) continue;
    sums.set(f.region, (sums.get(f.region) ?? 0) + f.value);
  }
  const territorial = [...sums].filter(([r]) => !['national', 'transport', 'abroad'].includes(r));
  const total = territorial.reduce((a, [, v]) => a + v, 0);
  if (!total) return '';
  const list = territorial
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([r, v]) => `${ctx.labels.region(r)} (${num(v)}, ${pct(v / total)})`)
    .join(', ');
  const ranked = [...input.ranking.regions]
    .sort((a, b) => a.position - b.position)
    .slice(0, 3)
    .map((r) => ctx.labels.region(r.regionCode))
    .join(', ');
  return fill(phrases().regionsTop[ctx.lang], { list, ranked: ranked || '—' });
}

/** The three regions with the most of an indicator over the three years, with their share of the regional sum. */
function whereSentence(ctx: BuildContext, key: IndicatorKey): string {
  const sums = new Map<string, number>();
  for (const f of ctx.index.item(indicatorDefs[key].item)) {
    if (
      f.dimension !== null ||
      f.value === null ||
      ctx.index.yearIndex(f.year) < 0 ||
      ['national', 'transport', 'abroad'].includes(f.region)
    )
      continue;
    sums.set(f.region, (sums.get(f.region) ?? 0) + f.value);
  }
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  if (!total) return '';
  const list = [...sums]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([r, v]) => `${ctx.labels.region(r)} (${num(v)}, ${pct(v / total)})`)
    .join(', ');
  return fill(phrases().where[ctx.lang], { label: captions().indicators[key]?.[ctx.lang] ?? key, list });
}

const demandLine = (ctx: BuildContext, keys: IndicatorKey[]) =>
  `${phrases().demand[ctx.lang]} ${changes(ctx, keys).join(' ')}`;

function specific(ctx: BuildContext, input: AssessmentInput, key: ConclusionKey): string[] {
  const victimsBy = (dim: string) => new RegExp(`\\.(victims|minors)_by_${dim}$`);
  switch (key) {
    case 'sources':
      return [yesTop(ctx, input, 's1.q1'), yesTop(ctx, input, 's1.q2', 2)];
    case 'nature':
      return [
        changes(ctx, [
          'victims_recognised',
          'crimes_registered',
          'channels',
          'forced_labour_inspections',
          'forced_labour_mobile_groups',
        ]).join(' '),
        whereSentence(ctx, 'crimes_registered'),
        topBySubject(ctx, victimsBy('exploitation_form'), 'exploitation_form').join(' '),
      ];
    case 'likelihood_by_territory':
      return [
        regionsSentence(ctx, input),
        changes(ctx, [
          'mid_victims',
          'mid_returned',
          'return_certificates',
          'victims_border',
          'foreigners_requests',
          'citizens_left_abroad',
        ]).join(' '),
      ];
    case 'consequences':
      return [
        [
          ...['s3.q1.victims_assisted', 's6.q1.victims_assisted', 's16.q1.victims_assisted']
            .flatMap((i) => subjectRowsOf(ctx, 'victims_assisted', i))
            .map((r) => changeSentence(ctx, r)),
          ...changes(ctx, ['victims_compensated', 'compensation_amount', 'protected_persons']),
        ].join(' '),
      ];
    case 'vulnerable_groups':
      return [
        [
          ...topBySubject(ctx, /^s2\.q8\.victims_by_age$/, 'age_with_minor', 1),
          ...topBySubject(ctx, /^s2\.q8\.victims_by_sex$/, 'sex', 1),
          ...topBySubject(ctx, /^s2\.q8\.victims_by_citizenship$/, 'citizenship', 1),
        ].join(' '),
        changes(ctx, [
          'children_received',
          'minors_illegal_labour',
          'abandoned_newborns',
          'domestic_workers_complaints',
        ]).join(' '),
      ];
    case 'schemes_and_methods':
      return [
        changes(ctx, ['channels', 'money_laundering_cases', 'detained_citizens', 'detained_foreigners']).join(' '),
        whereSentence(ctx, 'channels'),
      ];
    case 'recruitment_and_control':
      return [
        changes(ctx, [
          'resources_received',
          'reports_referred_mki',
          'reports_referred_mts',
          'reports_referred_mio',
          'minors_illegal_labour',
        ]).join(' '),
        whereSentence(ctx, 'reports_referred_mio'),
      ];
    case 'causes_and_conditions':
      return [
        yesTop(ctx, input, 's1.q2', 2),
        topBySubject(ctx, victimsBy('social_status'), 'social_status').join(' '),
        changes(ctx, ['cases_to_court', 'convicted_persons']).join(' '),
      ];
    case 'effective_prevention':
      return [
        yesTop(ctx, input, 's1.q3'),
        changes(ctx, ['commission_meetings', 'information_campaigns']).join(' '),
        demandLine(ctx, [
          'inspections',
          'forced_labour_inspections',
          'sites_blocked',
          'convicted_persons',
          'confiscated_amount',
        ]),
      ];
  }
}

/** The generated draft of one §14 point, as paragraphs (the first is the marker). */
export function conclusionDraft(ctx: BuildContext, input: AssessmentInput, key: ConclusionKey): string[] {
  const items = pointItems(key, input.questionnaireVersion);
  const persons = [...items].some((i) => isPersonItem(i));
  return [
    draftMarker(ctx.lang),
    ...specific(ctx, input, key),
    subjectsSentence(ctx, items),
    completenessSentence(ctx, items),
    themesSentence(ctx, input, key),
    ...(persons ? [phrases().persons[ctx.lang]] : []),
  ].filter((p) => p.trim() !== '');
}

/** The generated draft of the description (chapter 1). */
export function descriptionDraft(ctx: BuildContext, input: AssessmentInput): string[] {
  const p = phrases();
  const part = input.participation;
  const k = input.ranking.kendall;
  const experts = Math.max(0, ...input.ranking.risks.map((r) => r.nExperts));
  const perYear = part.byYear?.length
    ? fill(p.perYear[ctx.lang], {
        list: part.byYear.map((y) => `${y.year} — ${y.submitted} / ${y.requested}`).join(', '),
      })
    : '';
  const refs = input.references.length
    ? fill(p.references[ctx.lang], {
        list: input.references.map((r) => [r.title, r.year].filter(Boolean).join(', ')).join('; '),
      })
    : p.noReferences[ctx.lang];
  return [
    draftMarker(ctx.lang),
    fill(p.description[ctx.lang], {
      y1: ctx.years[0],
      y3: ctx.years[2],
      requested: part.requested,
      participating: part.participating,
      submissions: part.submissions,
      timely: part.timely,
    }),
    perYear,
    refs,
    fill(p.experts[ctx.lang], { experts, w: k.W === null ? '—' : formatNumber(k.W, 'decimal2') }),
    p.specialists[ctx.lang],
  ].filter((x) => x !== '');
}

/** Drafts of every chapter that needs the experts' accepted text, as narrative text (blank-line separated). */
export function allDrafts(ctx: BuildContext, input: AssessmentInput): Record<string, string> {
  const out: Record<string, string> = { description: descriptionDraft(ctx, input).join('\n\n') };
  for (const k of conclusionKeys) out[`conclusions.${k}`] = conclusionDraft(ctx, input, k).join('\n\n');
  return out;
}
