// The on-disk format of a questionnaire version (questionnaires/<version>/).
// These zod schemas are the contract between the data files and every consumer
// (validators, Excel templates, pipeline facts, reports). Loading a version parses
// its files with them, so a malformed data file fails fast at start.
import { z } from 'zod';

import { bilingual } from '../../shared/lang.js';

/** Stable id: lower-case dotted path, e.g. `s3.q1.victims_by_age`. */
export const itemIdPattern = /^s\d{1,2}\.q\d{1,2}(\.[a-z0-9_]+)*$/;
const itemId = z.string().regex(itemIdPattern);
const code = z.string().regex(/^[a-z0-9_]+$/);

/** A reference list (age band, sex, citizenship, ...). "unknown" is added by consumers, never listed. */
export const dimension = z
  .object({
    code,
    label: bilingual,
    categories: z.array(z.object({ code, label: bilingual }).strict()).min(1),
  })
  .strict();
export type Dimension = z.infer<typeof dimension>;

/** Reserved category code every breakdown accepts in addition to its dimension's categories. */
export const UNKNOWN_CATEGORY = 'unknown';

const itemBase = {
  id: itemId,
  /** Label as printed in the order (sub-item text, column header). */
  label: bilingual,
  /** The order's own note ("Примечание"/"Ескерту"), verbatim. */
  note: bilingual.optional(),
  /** The project's explanatory text (not the order's): shown apart from `note` so respondents can tell them apart. */
  hint: bilingual.optional(),
};

/** Column of a repeating table. */
export const tableColumn = z.discriminatedUnion('kind', [
  z.object({ id: code, label: bilingual, kind: z.literal('count') }).strict(),
  z.object({ id: code, label: bilingual, kind: z.literal('amount') }).strict(),
  z
    .object({
      id: code,
      label: bilingual,
      kind: z.literal('text'),
      maxLength: z.number().int().positive().default(2000),
    })
    .strict(),
  /** One category of a dimension (e.g. inside the country / abroad). */
  z.object({ id: code, label: bilingual, kind: z.literal('choice'), dimension: code }).strict(),
]);
export type TableColumn = z.infer<typeof tableColumn>;

export const item = z.discriminatedUnion('kind', [
  /** Да/Нет with a description, required when the answer is "yes". Value: { answer: 'yes'|'no', description? } */
  z.object({ ...itemBase, kind: z.literal('yes_no') }).strict(),
  /** Free text. Value: string. */
  z.object({ ...itemBase, kind: z.literal('text'), maxLength: z.number().int().positive().default(4000) }).strict(),
  /** Whole number >= 0. Value: number. */
  z.object({ ...itemBase, kind: z.literal('count') }).strict(),
  /** Amount in KZT >= 0, two decimals at most. Value: number. */
  z.object({ ...itemBase, kind: z.literal('amount') }).strict(),
  /** Counts by one dimension plus "unknown", with a total. Value: { total, byCategory: {code: n} }. */
  z.object({ ...itemBase, kind: z.literal('breakdown'), dimension: code }).strict(),
  /** Repeating rows. Value: Array<Record<columnId, value>>. */
  z
    .object({
      ...itemBase,
      kind: z.literal('table'),
      columns: z.array(tableColumn).min(1),
      maxRows: z.number().int().positive().default(500),
    })
    .strict(),
  /** Named entities (countries, organisations). Value: Array<{ name, country? (ISO alpha-3), note? }>. */
  z
    .object({
      ...itemBase,
      kind: z.literal('entity_list'),
      entity: z.enum(['country', 'organisation']),
      maxEntries: z.number().int().positive().default(200),
    })
    .strict(),
]);
export type Item = z.infer<typeof item>;
export type ItemKind = Item['kind'];

export const question = z
  .object({
    /** `s<section>.q<number>` */
    id: z.string().regex(/^s\d{1,2}\.q\d{1,2}$/),
    /** Number as printed in the order, e.g. "1", "13". */
    number: z.string().min(1),
    text: bilingual,
    note: bilingual.optional(),
    items: z.array(item).min(1),
  })
  .strict();
export type Question = z.infer<typeof question>;

/**
 * Operand of a consistency rule: an item's value (count/amount), a breakdown's total
 * (`part: 'total'`) or one category of it (`part: <category code>`), or a table column sum
 * (`part: 'column:<id>'`). Several operands are summed.
 */
export const operand = z.object({ item: itemId, part: z.string().optional() }).strict();
export type Operand = z.infer<typeof operand>;

export const rule = z
  .object({
    id: z.string().regex(/^[a-z0-9_.]+$/),
    severity: z.enum(['error', 'warning']),
    /** left <op> right, evaluated only when every operand is answered. */
    op: z.enum(['lte', 'eq', 'gte']),
    left: z.array(operand).min(1),
    right: z.array(operand).min(1),
    message: bilingual,
  })
  .strict();
export type Rule = z.infer<typeof rule>;

export const section = z
  .object({
    number: z.number().int().min(1),
    /** `s<number>` */
    id: z.string().regex(/^s\d{1,2}$/),
    title: bilingual,
    /** Who answers, as the section header prints it. */
    respondents: bilingual.optional(),
    questions: z.array(question).min(1),
    /** Consistency rules beyond the built-in ones (breakdown sums, yes needs description). */
    rules: z.array(rule).default([]),
  })
  .strict();
export type Section = z.infer<typeof section>;

export const missingReason = z.object({ code, label: bilingual, commentRequired: z.boolean() }).strict();

export const manifest = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: bilingual,
    legalBasis: z
      .object({
        text: bilingual,
        orders: z.array(
          z
            .object({ authority: bilingual, number: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
            .strict(),
        ),
        registration: z.object({ number: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
      })
      .strict(),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    status: z.enum(['draft', 'published']),
    /** Section files relative to the version folder, in order. */
    sections: z.array(z.string()).min(1),
    dimensions: z.string(),
    /** Agency type code -> section numbers it answers (section 1 is implied for all). */
    respondents: z.record(code, z.array(z.number().int().min(1))),
    missingReasons: z.array(missingReason).min(1),
  })
  .strict();
export type Manifest = z.infer<typeof manifest>;
