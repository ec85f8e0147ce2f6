// One definition per indicator: every figure that appears in several places of the
// report (tables, charts, the generated drafts) is computed here from one item, so the
// report never gives two numbers for one fact. Counts of persons reported by several
// subject types are given one row per subject, never a national sum (persons.ts).
import { agencyTypeCodes } from '../../domain/reference.js';
import { captions } from './captions.js';
import { yearTotals, type FactIndex, type YearValues } from './facts.js';
import { agencyShort, isPersonItem } from './persons.js';
import type { BuildContext, IndicatorRow } from './tables.js';

export interface IndicatorDef {
  /** The one item the figure comes from (plain values, no breakdown). */
  item: string;
  /** Question number in the questionnaire, printed where sources are compared. */
  question: string;
}

export const indicatorDefs = {
  victims_recognised: { item: 's2.q8.victims_total', question: '2.8' },
  crimes_registered: { item: 's2.q1.crimes_registered', question: '2.1' },
  channels: { item: 's2.q2.channels_total', question: '2.2' },
  victims_compensated: { item: 's2.q12.victims_compensated', question: '2.12' },
  compensation_amount: { item: 's2.q12.compensation_amount', question: '2.12' },
  protected_persons: { item: 's2.q11.protected_persons', question: '2.11' },
  confiscated_amount: { item: 's2.q7.confiscated_amount', question: '2.7' },
  money_laundering_cases: { item: 's2.q7.money_laundering_cases', question: '2.7' },
  detained_citizens: { item: 's2.q5.detained_citizens', question: '2.5' },
  detained_foreigners: { item: 's2.q5.detained_foreigners', question: '2.5' },
  cases_to_court: { item: 's2.q6.cases_to_court', question: '2.6' },
  convicted_persons: { item: 's2.q6.convicted_persons', question: '2.6' },
  mid_victims: { item: 's11.q1.victims_total', question: '11.1' },
  mid_returned: { item: 's11.q1.victims_assisted_return', question: '11.1' },
  return_certificates: { item: 's11.q2.return_certificates_total', question: '11.2' },
  adopted_children_facts: { item: 's11.q3.adopted_children_facts', question: '11.3' },
  foreigners_requests: { item: 's11.q4.foreigners_requests', question: '11.4' },
  domestic_workers_complaints: { item: 's11.q5.domestic_workers_complaints', question: '11.5' },
  victims_border: { item: 's15.q1.victims_total', question: '15.1' },
  citizens_left_abroad: { item: 's5.q1.citizens_left_abroad', question: '5.1' },
  forced_labour_inspections: { item: 's4.q1.forced_labour_facts_inspections', question: '4.1' },
  forced_labour_mobile_groups: { item: 's4.q1.forced_labour_facts_mobile_groups', question: '4.1' },
  inspections: { item: 's4.q1.inspections_total', question: '4.1' },
  minors_illegal_labour: { item: 's4.q2.minors_total', question: '4.2' },
  children_received: { item: 's7.q1.children_received', question: '7.1' },
  abandoned_newborns: { item: 's10.q2.abandoned_newborns', question: '10.2' },
  sites_blocked: { item: 's12.q1.sites_blocked_total', question: '12.1' },
  resources_received: { item: 's12.q4.resources_received', question: '12.4' },
  reports_referred_mki: { item: 's12.q2.reports_referred_police', question: '12.2' },
  reports_referred_mts: { item: 's13.q1.reports_referred_police', question: '13.1' },
  reports_referred_mio: { item: 's14.q2.reports_referred_police', question: '14.2' },
  commission_meetings: { item: 's14.q1.commission_meetings', question: '14.1' },
  information_campaigns: { item: 's15.q3.information_campaigns', question: '15.3' },
} as const satisfies Record<string, IndicatorDef>;

export type IndicatorKey = keyof typeof indicatorDefs;

const memo = new WeakMap<FactIndex, Map<string, YearValues>>();

function itemTotals(index: FactIndex, item: string, agencyType?: string): YearValues {
  let m = memo.get(index);
  if (!m) memo.set(index, (m = new Map()));
  const key = `${item}|${agencyType ?? ''}`;
  let v = m.get(key);
  if (!v) {
    const re = new RegExp(`^${item.replace(/\./g, '\\.')}$`);
    v = agencyType === undefined ? yearTotals(index, re) : sumPlain(index, item, agencyType);
    m.set(key, v);
  }
  return v;
}

function sumPlain(index: FactIndex, item: string, agencyType: string): YearValues {
  const out: YearValues = [0, 0, 0];
  for (const f of index.item(item)) {
    const y = index.yearIndex(f.year);
    if (f.dimension === null && f.value !== null && y >= 0 && f.agencyType === agencyType) out[y] += f.value;
  }
  return out;
}

/** The subject types that answered an item with a value. */
export function subjectsOf(index: FactIndex, item: string): string[] {
  const seen = new Set<string>();
  for (const f of index.item(item)) if (f.value !== null) seen.add(f.agencyType);
  return agencyTypeCodes.filter((c) => seen.has(c));
}

/** The figure of an indicator by year. Person counts must come from one subject type (checked). */
export function indicatorValues(index: FactIndex, key: IndicatorKey): YearValues {
  const def: IndicatorDef = indicatorDefs[key];
  if (isPersonItem(def.item) && subjectsOf(index, def.item).length > 1)
    throw new Error(`indicator ${key}: persons counted by several subject types; use subjectRows`);
  return itemTotals(index, def.item);
}

export function indicatorRow(ctx: BuildContext, key: IndicatorKey): IndicatorRow {
  return { key, values: indicatorValues(ctx.index, key), victims: isPersonItem(indicatorDefs[key].item) };
}

/** The indicator's row, or one row per subject type when several subject types count persons on it. */
export function indicatorRows(ctx: BuildContext, key: IndicatorKey): IndicatorRow[] {
  const { item } = indicatorDefs[key];
  return isPersonItem(item) && subjectsOf(ctx.index, item).length > 1
    ? subjectRows(ctx, key, item)
    : [indicatorRow(ctx, key)];
}

/** One row per subject type answering a person-count item: never a sum across them. */
/**
 * One subject's rows of a measure asked in several sections (victims assisted: 3.1, 6.1, 16.1). A
 * subject answering more than one of them (an NGO providing special social services answers 3 and 16)
 * gets a row per section, its later rows keyed and labelled by the question so no cell is published twice.
 */
export function subjectRowsOfItems(ctx: BuildContext, key: string, items: readonly string[]): IndicatorRow[] {
  const seen = new Set<string>();
  return items.flatMap((item) =>
    subjectRows(ctx, key, item).map((r) => {
      const slice = r.slice ?? '';
      if (!seen.has(slice)) {
        seen.add(slice);
        return r;
      }
      const question = item.replace(/^s(\d+)\.q(\d+)\..*$/, '$1.$2');
      return { ...r, code: `${r.code}.${question}`, slice: `${slice}/${question}`, label: `${r.label}, ${question}` };
    }),
  );
}

export function subjectRows(ctx: BuildContext, key: string, item: string): IndicatorRow[] {
  const label = captions().indicators[key]?.[ctx.lang] ?? key;
  const subjects = subjectsOf(ctx.index, item);
  return subjects.map((s) => ({
    key,
    code: `${key}.${s}`,
    slice: `agency:${s}`,
    label: subjects.length > 1 || !label.includes('(') ? `${label} (${agencyShort(ctx, s)})` : label,
    values: itemTotals(ctx.index, item, s),
    victims: isPersonItem(item),
  }));
}
