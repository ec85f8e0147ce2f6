// JSON Schema (draft 2020-12) of a submission content for (version, agency type), for
// integrators. Mirrors the structural checks of the validator; cross-item consistency
// (breakdown sums, rules) is not expressible here and is left to the validator.
import type { Dimension, Item, TableColumn } from './model.js';
import type { Bilingual } from '../../shared/lang.js';
import { UNKNOWN_CATEGORY } from './model.js';
import { getForm, type Form } from './forms.js';
import { onQuestionnaireCacheClear } from './loader.js';
import { COMMENT_MAX, DESCRIPTION_MAX, ENTITY_NAME_MAX, ENTITY_NOTE_MAX } from './checks.js';
import { MAX_AMOUNT, MAX_COUNT } from '../../shared/numbers.js';

export type JsonSchema = { [key: string]: unknown };

export interface JsonSchemaOptions {
  /** `complete` (default): every item required, "yes" needs a description. `draft`: any subset. */
  mode?: 'draft' | 'complete';
}

const ann = (label: Bilingual, note?: Bilingual) => ({
  title: label.ru,
  description: note ? `${label.kk} / ${note.ru}` : label.kk,
  'x-label': label,
});

const codes = (d: Dimension | undefined) => [...(d?.categories.map((c) => c.code) ?? []), UNKNOWN_CATEGORY];
const count = { type: 'integer', minimum: 0, maximum: MAX_COUNT };
/**
 * KZT, two decimals at most. Not `multipleOf: 0.01`: binary floats make common validators
 * reject valid amounts such as 0.29; the platform's validator enforces the precision.
 */
const amount = { type: 'number', minimum: 0, maximum: MAX_AMOUNT, 'x-max-decimals': 2 };

function column(col: TableColumn, dims: ReadonlyMap<string, Dimension>): JsonSchema {
  const a = ann(col.label);
  switch (col.kind) {
    case 'count':
      return { ...a, ...count };
    case 'amount':
      return { ...a, ...amount };
    case 'text':
      return { ...a, type: 'string', maxLength: col.maxLength };
    case 'choice':
      return { ...a, enum: codes(dims.get(col.dimension)) };
  }
}

function valueSchema(item: Item, dims: ReadonlyMap<string, Dimension>, complete: boolean): JsonSchema {
  switch (item.kind) {
    case 'yes_no':
      return {
        type: 'object',
        required: ['answer'],
        additionalProperties: false,
        properties: { answer: { enum: ['yes', 'no'] }, description: { type: 'string', maxLength: DESCRIPTION_MAX } },
        ...(complete && {
          if: { properties: { answer: { const: 'yes' } } },
          then: { required: ['description'], properties: { description: { minLength: 1, pattern: '\\S' } } },
        }),
      };
    case 'text':
      return { type: 'string', maxLength: item.maxLength, ...(complete && { pattern: '\\S' }) };
    case 'count':
      return count;
    case 'amount':
      return amount;
    case 'breakdown':
      return {
        type: 'object',
        required: ['total', 'byCategory'],
        additionalProperties: false,
        properties: {
          total: count,
          byCategory: {
            type: 'object',
            propertyNames: { enum: codes(dims.get(item.dimension)) },
            additionalProperties: count,
          },
        },
      };
    case 'table':
      return {
        type: 'array',
        maxItems: item.maxRows,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(item.columns.map((c) => [c.id, column(c, dims)])),
        },
      };
    case 'entity_list':
      return {
        type: 'array',
        maxItems: item.maxEntries,
        items: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: ENTITY_NAME_MAX, pattern: '\\S' },
            country: { type: 'string', pattern: '^[A-Z]{3}$' },
            note: { type: 'string', maxLength: ENTITY_NOTE_MAX },
          },
        },
      };
  }
}

export function buildSubmissionJsonSchema(form: Form, opts: JsonSchemaOptions = {}): JsonSchema {
  const complete = (opts.mode ?? 'complete') === 'complete';
  const reasonCodes = form.missingReasons.map((r) => r.code);
  const withComment = form.missingReasons.filter((r) => r.commentRequired || r.code === 'other').map((r) => r.code);
  const properties: Record<string, JsonSchema> = {};
  for (const [id, { item, question, section }] of form.index) {
    properties[id] = {
      ...ann(item.label, item.note ?? item.hint),
      'x-section': section.number,
      'x-question': question.number,
      'x-kind': item.kind,
      oneOf: [
        {
          type: 'object',
          required: ['value'],
          additionalProperties: false,
          properties: { value: valueSchema(item, form.dimensionByCode, complete) },
        },
        { $ref: '#/$defs/missing' },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:ctip:questionnaire:${form.versionId}:${form.agencyType}:${complete ? 'complete' : 'draft'}`,
    title: `${form.version.manifest.title.ru} — ${form.agencyType}`,
    description: `Submission content (questionnaires/answers.md), content hash ${form.version.contentHash}`,
    type: 'object',
    required: ['answers'],
    additionalProperties: false,
    properties: {
      answers: {
        type: 'object',
        additionalProperties: false,
        properties,
        ...(complete && { required: [...form.index.keys()] }),
      },
    },
    $defs: {
      missing: {
        type: 'object',
        required: ['missingReason'],
        additionalProperties: false,
        properties: {
          missingReason: { enum: reasonCodes },
          missingComment: { type: 'string', maxLength: COMMENT_MAX },
        },
        ...(withComment.length > 0 && {
          if: { properties: { missingReason: { enum: withComment } }, required: ['missingReason'] },
          then: { required: ['missingComment'], properties: { missingComment: { minLength: 1, pattern: '\\S' } } },
        }),
      },
    },
  };
}

const schemaCache = new Map<string, JsonSchema>();
onQuestionnaireCacheClear(() => schemaCache.clear());

/** Memoised schema for (version, agency type, mode). Treat the result as read-only. */
export function getSubmissionJsonSchema(
  versionId: string,
  agencyType: string,
  opts: JsonSchemaOptions & { root?: string } = {},
): JsonSchema {
  const key = `${opts.root ?? ''}\u0000${versionId}\u0000${agencyType}\u0000${opts.mode ?? 'complete'}`;
  let s = schemaCache.get(key);
  if (!s) {
    s = buildSubmissionJsonSchema(getForm(versionId, agencyType, opts.root), opts);
    schemaCache.set(key, s);
  }
  return s;
}
