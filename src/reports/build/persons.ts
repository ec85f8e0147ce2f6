// Counts of persons (victims, minors, persons received or protected...) are never added
// across subjects: one person is often counted by the police, a shelter, a hospital and
// an NGO alike. Here: which items count persons, and the tables that show them per
// subject side by side, or from one named subject, instead of a sum.
import { agencyTypeCodes } from '../../domain/reference.js';
import { cellKey } from '../../pipeline/disclosure/linked.js';
import type { ReportTable, TableCell, TableColumn } from '../report.view-model.js';
import { fill } from '../texts.js';
import { captions } from './captions.js';
import { protectedCell } from './privacy.js';
import { breakdownTable, caption, categoryOrder, victimsNote, type BuildContext } from './tables.js';

export { isPersonItem } from '../../pipeline/persons.js';

export function agencyShort(ctx: BuildContext, code: string): string {
  return captions().agencyShort[code]?.[ctx.lang] ?? ctx.labels.agency(code).name;
}

export interface SideBySideSpec {
  id: string;
  captionKey: string;
  /** Breakdown items of persons. */
  items: RegExp;
  dimensions: string[];
  mapCategory?: (dimension: string, category: string) => string;
  /** Disclosure measure (default `victims_by:<captionKey>`, the measure of the profiles' breakdowns). */
  measure?: string;
}

/**
 * Categories (rows) by subject (columns), each subject's figure over the three years,
 * with no total row or column. Each cell is the subject's three-year count of the category
 * (key `<measure>|agency:<subject>|<category>|`), the same cell as the row total of that
 * subject's profile table; published, it takes the mark of the report's protection.
 */
export function sideBySideTable(ctx: BuildContext, spec: SideBySideSpec): ReportTable {
  const dims = new Set(spec.dimensions);
  const bySubject = new Map<string, Map<string, number>>();
  for (const f of ctx.index.items(spec.items)) {
    if (
      f.value === null ||
      f.dimension === null ||
      f.category === null ||
      !dims.has(f.dimension) ||
      ctx.index.yearIndex(f.year) < 0
    )
      continue;
    const cat = spec.mapCategory ? spec.mapCategory(f.dimension, f.category) : f.category;
    let m = bySubject.get(f.agencyType);
    if (!m) bySubject.set(f.agencyType, (m = new Map()));
    m.set(cat, (m.get(cat) ?? 0) + f.value);
  }
  const subjects = agencyTypeCodes.filter((c) => [...(bySubject.get(c)?.values() ?? [])].some((v) => v > 0));
  const present = new Set<string>();
  for (const m of bySubject.values()) for (const [k, v] of m) if (v > 0) present.add(k);
  const dimension = spec.dimensions[0]!;
  const codes = categoryOrder(ctx, present, dimension);
  const matrix = subjects.map((s) => codes.map((k) => bySubject.get(s)?.get(k) ?? 0));
  const measure = spec.measure ?? `victims_by:${spec.captionKey}`;
  const keys = subjects.map((s) =>
    codes.map((k) => cellKey({ measure, slice: `agency:${s}`, category: k, period: '' })),
  );
  const shown: TableCell[][] = matrix.map((col, j) => col.map((v, i) => protectedCell(keys[j]![i]!, v, ctx.privacy)));
  const c = captions();
  const [from, , to] = ctx.years;
  const columns: TableColumn[] = [
    // Wide enough for a category name on two lines beside up to 18 subject columns of counts.
    { key: 'category', label: c.category[ctx.lang], align: 'left', width: subjects.length > 8 ? 3 : 2.5 },
    ...subjects.map((s): TableColumn => ({ key: s, label: agencyShort(ctx, s), align: 'right', format: 'integer' })),
  ];
  return {
    id: spec.id,
    caption: caption(spec.captionKey, ctx.lang),
    columns,
    rows: codes.map((k, i) => [ctx.labels.category(dimension, k), ...shown.map((col) => col[i]!)]),
    rowCodes: codes,
    cellKeys: codes.map((_, i) => [null, ...keys.map((col) => col[i]!)]),
    note: `${fill(c.sideBySideNote[ctx.lang], { from, to })} ${victimsNote(ctx, { severalSubjects: false })}`,
  };
}

/** A breakdown of persons from one named subject's items, by year with its trend. */
export function namedSubjectTable(
  ctx: BuildContext,
  spec: SideBySideSpec & { subject: string; question: string },
): ReportTable {
  const table = breakdownTable(ctx, {
    id: spec.id,
    captionKey: spec.captionKey,
    items: spec.items,
    dimensions: spec.dimensions,
    mapCategory: spec.mapCategory,
    victims: true,
    slice: `agency:${spec.subject}`,
  });
  const who = fill(captions().namedSubjectNote[ctx.lang], {
    subject: ctx.labels.agency(spec.subject).name,
    question: spec.question,
  });
  return { ...table, note: `${who} ${victimsNote(ctx, { severalSubjects: false })}` };
}
