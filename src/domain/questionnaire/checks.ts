// Per-kind value checks, compiled once per item into closures (used by the validator).
// Paths are item-relative without ".value": `s3.q1.x.byCategory.18_25`, `s1.q8.t[2].topic`.
import { isCountryCode } from '../countries.js';
import { UNKNOWN_CATEGORY, type Dimension, type Item, type TableColumn } from './model.js';
import type { Bilingual } from '../../shared/lang.js';
import { MAX_AMOUNT, MAX_COUNT } from '../../shared/numbers.js';
import { isStorableText } from '../../shared/text.js';
import { details, refDetail, type IssueCode, type MessageParams } from './messages.js';

export type Emit = (code: IssueCode, path: string, ref: Bilingual, params?: MessageParams) => void;
/** Checks one value; `full` is true in complete mode (emptiness checks). */
export type ValueCheck = (value: unknown, emit: Emit, full: boolean) => void;

export const COMMENT_MAX = 2000;
export const DESCRIPTION_MAX = 4000;
export const ENTITY_NAME_MAX = 500;
export const ENTITY_NOTE_MAX = 2000;

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.hasOwn(o, k);

export function isValidAmount(v: number): boolean {
  return Math.round(v * 100) / 100 === v;
}

function countCheck(v: unknown, path: string, ref: Bilingual, emit: Emit): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    emit('count.type', path, ref);
    return false;
  }
  if (!Number.isInteger(v)) {
    emit('count.not_integer', path, ref);
    return false;
  }
  if (v < 0) {
    emit('count.negative', path, ref);
    return false;
  }
  if (v > MAX_COUNT) {
    emit('count.too_large', path, ref, { max: MAX_COUNT });
    return false;
  }
  return true;
}

function amountCheck(v: unknown, path: string, ref: Bilingual, emit: Emit): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) return emit('amount.type', path, ref);
  if (v < 0) return emit('amount.negative', path, ref);
  if (v > MAX_AMOUNT) return emit('amount.too_large', path, ref, { max: MAX_AMOUNT });
  if (!isValidAmount(v)) emit('amount.precision', path, ref);
}

/** False (after emitting) for text PostgreSQL cannot store: NUL or an unpaired surrogate. */
export function storableCheck(v: string, path: string, ref: Bilingual, emit: Emit): boolean {
  if (isStorableText(v)) return true;
  emit('text.invalid_chars', path, ref);
  return false;
}

function textCheck(v: unknown, path: string, ref: Bilingual, emit: Emit, max: number, full: boolean): void {
  if (typeof v !== 'string') return emit('text.type', path, ref);
  if (!storableCheck(v, path, ref, emit)) return;
  if (v.length > max) emit('text.too_long', path, ref, { max, length: v.length });
  else if (full && v.trim() === '') emit('text.empty', path, ref);
}

function categoryCodes(d: Dimension | undefined): Set<string> {
  return new Set([...(d?.categories.map((c) => c.code) ?? []), UNKNOWN_CATEGORY]);
}

function yesNo(id: string, ref: Bilingual): ValueCheck {
  const dRef = refDetail(ref, details.description());
  return (v, emit) => {
    if (
      !isObj(v) ||
      (v.answer !== 'yes' && v.answer !== 'no') ||
      Object.keys(v).some((k) => k !== 'answer' && k !== 'description')
    )
      return emit('yes_no.invalid', id, ref);
    if (own(v, 'description')) {
      if (typeof v.description !== 'string') return emit('text.type', `${id}.description`, dRef);
      if (!storableCheck(v.description, `${id}.description`, dRef, emit)) return;
      if (v.description.length > DESCRIPTION_MAX)
        return emit('text.too_long', `${id}.description`, dRef, { max: DESCRIPTION_MAX, length: v.description.length });
    }
    if (v.answer === 'yes' && (typeof v.description !== 'string' || v.description.trim() === ''))
      emit('yes_no.description_required', `${id}.description`, ref);
  };
}

function breakdown(id: string, ref: Bilingual, dim: Dimension | undefined): ValueCheck {
  // Each category's path and reference are built once here, not on every validation.
  const categories = new Map(
    [...categoryCodes(dim)].map((code) => {
      const label = dim?.categories.find((c) => c.code === code)?.label ?? { kk: 'белгісіз', ru: 'неизвестно' };
      return [code, { path: `${id}.byCategory.${code}`, ref: refDetail(ref, details.category(label)) }];
    }),
  );
  const totalRef = refDetail(ref, details.total());
  const dimLabel = dim?.label ?? { kk: dim?.code ?? '', ru: dim?.code ?? '' };
  return (v, emit) => {
    if (
      !isObj(v) ||
      !own(v, 'total') ||
      !isObj(v.byCategory) ||
      Object.keys(v).some((k) => k !== 'total' && k !== 'byCategory')
    )
      return emit('breakdown.invalid', id, ref);
    let ok = countCheck(v.total, `${id}.total`, totalRef, emit);
    let sum = 0;
    for (const [code, n] of Object.entries(v.byCategory)) {
      const category = categories.get(code);
      if (!category) {
        ok = false;
        emit('breakdown.category_unknown', `${id}.byCategory.${code}`, ref, { code, dimension: dimLabel });
        continue;
      }
      if (countCheck(n, category.path, category.ref, emit)) sum += n;
      else ok = false;
    }
    if (ok && sum !== v.total) emit('breakdown.sum', `${id}.byCategory`, ref, { sum, total: v.total as number });
  };
}

/**
 * Paths and references by position (row, entry), built on first use and kept with the
 * compiled validator; only up to `limit` positions, as longer input is refused anyway.
 */
function byPosition<T>(limit: number, make: (i: number) => T): (i: number) => T {
  const built: T[] = [];
  return (i) => (i < limit ? (built[i] ??= make(i)) : make(i));
}

function tableCell(
  col: TableColumn,
  dims: ReadonlyMap<string, Dimension>,
): (v: unknown, path: string, ref: Bilingual, emit: Emit, full: boolean) => void {
  switch (col.kind) {
    case 'count':
      return (v, path, ref, emit) => void countCheck(v, path, ref, emit);
    case 'amount':
      return (v, path, ref, emit) => amountCheck(v, path, ref, emit);
    case 'text':
      // A blank text cell is reported like a missing cell (warning), not as an error.
      return (v, path, ref, emit, full) => {
        textCheck(v, path, ref, emit, col.maxLength, false);
        if (full && typeof v === 'string' && v.trim() === '') emit('table.cell_missing', path, ref);
      };
    case 'choice': {
      const dim = dims.get(col.dimension);
      const codes = categoryCodes(dim);
      return (v, path, ref, emit) => {
        if (typeof v !== 'string' || !codes.has(v))
          emit('choice.unknown', path, ref, { code: String(v), dimension: dim?.label ?? col.dimension });
      };
    }
  }
}

function table(
  id: string,
  ref: Bilingual,
  item: Extract<Item, { kind: 'table' }>,
  dims: ReadonlyMap<string, Dimension>,
): ValueCheck {
  const cols = new Map(item.columns.map((c) => [c.id, { col: c, check: tableCell(c, dims) }]));
  const rowAt = byPosition(item.maxRows, (i) => {
    const path = `${id}[${i}]`;
    const cells = new Map(
      item.columns.map((c) => [c.id, { path: `${path}.${c.id}`, ref: refDetail(ref, details.cell(i + 1, c.label)) }]),
    );
    return { path, ref: refDetail(ref, details.row(i + 1)), cells };
  });
  return (v, emit, full) => {
    if (!Array.isArray(v)) return emit('table.invalid', id, ref);
    if (v.length > item.maxRows) emit('table.too_many_rows', id, ref, { max: item.maxRows, length: v.length });
    v.forEach((row, i) => {
      const at = rowAt(i);
      if (!isObj(row)) return emit('table.row_invalid', at.path, at.ref);
      for (const key of Object.keys(row))
        if (!cols.has(key)) emit('table.column_unknown', `${at.path}.${key}`, at.ref, { column: key });
      for (const [colId, { check }] of cols) {
        const cell = at.cells.get(colId)!;
        if (own(row, colId)) check(row[colId], cell.path, cell.ref, emit, full);
        else if (full) emit('table.cell_missing', cell.path, cell.ref);
      }
    });
  };
}

function entityList(id: string, ref: Bilingual, item: Extract<Item, { kind: 'entity_list' }>): ValueCheck {
  const entryAt = byPosition(item.maxEntries, (i) => ({
    path: `${id}[${i}]`,
    ref: refDetail(ref, details.entry(i + 1)),
  }));
  return (v, emit) => {
    if (!Array.isArray(v)) return emit('entity_list.invalid', id, ref);
    if (v.length > item.maxEntries) emit('entity_list.too_many', id, ref, { max: item.maxEntries, length: v.length });
    v.forEach((e, i) => {
      const { path, ref: eRef } = entryAt(i);
      if (!isObj(e) || Object.keys(e).some((k) => k !== 'name' && k !== 'country' && k !== 'note'))
        return emit('entity.invalid', path, eRef);
      if (typeof e.name !== 'string' || e.name.trim() === '') emit('entity.name_required', `${path}.name`, eRef);
      else if (!storableCheck(e.name, `${path}.name`, eRef, emit)) return;
      else if (e.name.length > ENTITY_NAME_MAX)
        emit('text.too_long', `${path}.name`, eRef, { max: ENTITY_NAME_MAX, length: e.name.length });
      if (own(e, 'country') && (typeof e.country !== 'string' || !isCountryCode(e.country)))
        emit('entity.country_invalid', `${path}.country`, eRef, { code: String(e.country) });
      if (own(e, 'note')) textCheck(e.note, `${path}.note`, eRef, emit, ENTITY_NOTE_MAX, false);
    });
  };
}

/** The value check of an item. */
export function compileValueCheck(item: Item, ref: Bilingual, dims: ReadonlyMap<string, Dimension>): ValueCheck {
  const id = item.id;
  switch (item.kind) {
    case 'yes_no':
      return yesNo(id, ref);
    case 'text':
      return (v, emit, full) => textCheck(v, id, ref, emit, item.maxLength, full);
    case 'count':
      return (v, emit) => void countCheck(v, id, ref, emit);
    case 'amount':
      return (v, emit) => amountCheck(v, id, ref, emit);
    case 'breakdown':
      return breakdown(id, ref, dims.get(item.dimension));
    case 'table':
      return table(id, ref, item, dims);
    case 'entity_list':
      return entityList(id, ref, item);
  }
}
