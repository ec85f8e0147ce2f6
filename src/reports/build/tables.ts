// Table helpers shared by the conclusions and the profiles: breakdown tables by a
// dimension's categories, and indicator tables (non-additive rows, no totals).
import type { Lang } from '../../shared/lang.js';
import type { ReportTable, TableCell, TableColumn } from '../report.view-model.js';
import { loadTexts, textsFor } from '../texts.js';
import { disclosureNote } from '../disclosure-texts.js';
import { captions } from './captions.js';
import { byCategory, type FactIndex, type YearValues } from './facts.js';
import type { Labels } from './labels.js';
import { cellKey } from '../../pipeline/disclosure/linked.js';
import { countTable, protectedCell, trendOf, type CountRow, type Privacy } from './privacy.js';

export interface BuildContext {
  index: FactIndex;
  labels: Labels;
  lang: Lang;
  privacy: Privacy;
  years: readonly [number, number, number];
}

/**
 * The footnote of victim tables: the suppression rule, preceded, for figures drawn from
 * several subjects, by the warning that one person may be counted by several of them.
 */
export function victimsNote(ctx: BuildContext, { severalSubjects = true } = {}): string {
  const { victimsNote: sources } = captions();
  const suppression = disclosureNote(
    ctx.lang,
    ctx.privacy.threshold,
    textsFor({ language: ctx.lang, suppressionThreshold: ctx.privacy.threshold }).suppressed,
  );
  return severalSubjects ? `${sources[ctx.lang]} ${suppression}` : suppression;
}

export function caption(key: string, lang: Lang): string {
  const text = captions().tables[key];
  if (!text) throw new Error(`report builder: no caption ${key}`);
  return text[lang];
}

/** The given category codes in questionnaire order, then "unknown", then any others sorted. */
export function categoryOrder(
  ctx: BuildContext,
  present: Iterable<string>,
  dimension: string,
  order?: string[],
): string[] {
  const have = new Set(present);
  const codes = [...(order ?? ctx.labels.categories(dimension)), 'unknown'];
  const extra = [...have].filter((k) => !codes.includes(k)).sort();
  return [...codes, ...extra].filter((k) => have.has(k));
}

/** Rows of a breakdown by one dimension, in questionnaire order then "unknown". */
export function categoryRows(
  ctx: BuildContext,
  sums: Map<string, YearValues>,
  dimension: string,
  order?: string[],
): CountRow[] {
  return categoryOrder(ctx, sums.keys(), dimension, order).map((k) => ({
    label: ctx.labels.category(dimension, k),
    values: sums.get(k)!,
    code: k,
    category: k,
  }));
}

export interface BreakdownSpec {
  id: string;
  captionKey: string;
  /** Item ids to draw on. */
  items: RegExp;
  /** Dimension(s) of those items; the first names the categories. */
  dimensions: string[];
  victims: boolean;
  mapCategory?: (dimension: string, category: string) => string;
  order?: string[];
  caption?: string;
  /** Disclosure measure of a victims breakdown (default `victims_by:<captionKey>`) and slice (default national). */
  measure?: string;
  slice?: string;
}

export function breakdownTable(ctx: BuildContext, spec: BreakdownSpec): ReportTable {
  const sums = byCategory(ctx.index, spec.items, spec.dimensions, spec.mapCategory);
  return countTable(
    {
      id: spec.id,
      caption: spec.caption ?? caption(spec.captionKey, ctx.lang),
      firstLabel: captions().category[ctx.lang],
      rows: categoryRows(ctx, sums, spec.dimensions[0], spec.order),
      years: ctx.years,
      lang: ctx.lang,
      victims: spec.victims,
      ...(spec.victims ? { measure: spec.measure ?? `victims_by:${spec.captionKey}`, slice: spec.slice ?? '' } : {}),
      trend: true,
      ...(spec.victims ? { note: victimsNote(ctx) } : {}),
    },
    ctx.privacy,
  );
}

export interface IndicatorRow {
  key: string;
  /** Overrides the indicator's caption (e.g. one row per subject). */
  label?: string;
  /** Overrides the row's code (default: the key). */
  code?: string;
  /** Disclosure slice of a person count ('' national, `agency:<code>` for one subject's row). */
  slice?: string;
  values: YearValues;
  /** Person counts: protected when published, under the disclosure measure `key`. */
  victims: boolean;
}

/** Indicators by year (rows are not additive, so no totals); person counts are protected cells. */
export function indicatorTable(ctx: BuildContext, id: string, captionKey: string, rows: IndicatorRow[]): ReportTable {
  const keyOf = (r: IndicatorRow, year: number) =>
    cellKey({ measure: r.key, slice: r.slice ?? '', category: '', period: String(year) });
  const c = captions();
  const columns: TableColumn[] = [
    { key: 'indicator', label: c.indicator[ctx.lang], align: 'left', width: 3 },
    ...ctx.years.map((y): TableColumn => ({ key: `y${y}`, label: String(y), align: 'right', format: 'integer' })),
    { key: 'trend', label: loadTexts(ctx.lang).trend.label, align: 'left', width: 1.4 },
  ];
  return {
    id,
    caption: caption(captionKey, ctx.lang),
    columns,
    ...(rows.some((r) => r.victims)
      ? { cellKeys: rows.map((r) => [null, ...ctx.years.map((y) => (r.victims ? keyOf(r, y) : null)), null]) }
      : {}),
    rows: rows.map((r) => {
      const cells: TableCell[] = r.values.map((v, y) =>
        r.victims ? protectedCell(keyOf(r, ctx.years[y]!), v, ctx.privacy) : v,
      );
      const label = r.label ?? c.indicators[r.key]?.[ctx.lang];
      if (!label) throw new Error(`report builder: no indicator ${r.key}`);
      return [label, ...cells, trendOf(cells, ctx.lang)];
    }),
    rowCodes: rows.map((r) => r.code ?? r.key),
    // Rows are never added up here, so only the suppression rule needs saying.
    ...(rows.some((r) => r.victims) ? { note: victimsNote(ctx, { severalSubjects: false }) } : {}),
  };
}
