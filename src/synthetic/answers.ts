// Deterministic generator of a plausible complete submission content for a form:
// small counts, breakdowns that sum to their totals, declared rules respected,
// bilingual free text, some items explained by a missing-data reason.
import { getForm, type Form } from '../domain/questionnaire/forms.js';
import type { Dimension, Item, TableColumn } from '../domain/questionnaire/model.js';
import { UNKNOWN_CATEGORY } from '../domain/questionnaire/model.js';
import type {
  AnswerEntry,
  AnswerValue,
  BreakdownValue,
  EntityValue,
  SubmissionContent,
  TableRow,
} from '../domain/questionnaire/content.js';
import { createRng, type Rng } from './random.js';
import { alignBreakdowns, repairRules } from './rule-repair.js';
import { splitTotal } from './split.js';
import { countries, descriptions, missingComments, organisations, periods, topics } from './texts.js';

export { createRng, type Rng } from './random.js';
export { splitTotal } from './split.js';

export interface SyntheticAnswerOptions {
  /** Seed of a fresh PRNG (default 1); ignored when `rng` is given. */
  seed?: number | string;
  rng?: Rng;
  /** Share of items given a missing-data reason instead of a value (default 0.1). */
  missingRate?: number;
  /** Multiplies counts and amounts (default 1). */
  scale?: number;
  /** Share of Kazakh free text, the rest Russian (default 0.3). */
  kazakhShare?: number;
}

interface Ctx {
  rng: Rng;
  scale: number;
  kk: number;
  dims: ReadonlyMap<string, Dimension>;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const count = (c: Ctx, max = 15) => Math.round(c.rng.int(0, max) * c.scale);
const amount = (c: Ctx) => Math.round(c.rng.int(0, 5_000_000) * c.scale) / 100;
const lang = (c: Ctx) => (c.rng.chance(c.kk) ? 'kk' : 'ru');
const sentence = (c: Ctx) => c.rng.pick(descriptions[lang(c)]);

function cell(c: Ctx, col: TableColumn): number | string {
  switch (col.kind) {
    case 'count':
      return Math.max(1, count(c, 30));
    case 'amount':
      return amount(c);
    case 'choice':
      return c.rng.pick(c.dims.get(col.dimension)?.categories.map((x) => x.code) ?? [UNKNOWN_CATEGORY]);
    case 'text': {
      const text = /topic|theme|subject/.test(col.id)
        ? c.rng.pick(topics[lang(c)])
        : /period|date|term/.test(col.id)
          ? c.rng.pick(periods)
          : sentence(c);
      return clip(text, col.maxLength);
    }
  }
}

function value(c: Ctx, item: Item): AnswerValue {
  switch (item.kind) {
    case 'yes_no':
      return c.rng.chance(0.5) ? { answer: 'yes', description: sentence(c) } : { answer: 'no' };
    case 'text':
      return clip(sentence(c), item.maxLength);
    case 'count':
      return count(c);
    case 'amount':
      return amount(c);
    case 'breakdown': {
      const total = count(c, 20);
      const codes = c.dims.get(item.dimension)?.categories.map((x) => x.code) ?? [];
      return { total, byCategory: splitTotal(c.rng, total, codes) } satisfies BreakdownValue;
    }
    case 'table':
      return Array.from({ length: Math.min(item.maxRows, c.rng.int(1, 3)) }, () => {
        const row: TableRow = {};
        for (const col of item.columns) row[col.id] = cell(c, col);
        return row;
      });
    case 'entity_list': {
      const pool: readonly EntityValue[] = item.entity === 'country' ? countries : organisations;
      return c.rng.sample(pool, Math.min(item.maxEntries, c.rng.int(1, 4))).map((e) => ({ ...e }));
    }
  }
}

/** A complete content for the form: every item answered or explained, all rules holding. */
export function generateAnswers(form: Form, opts: SyntheticAnswerOptions = {}): SubmissionContent {
  const rng = opts.rng ?? createRng(opts.seed ?? 1);
  const c: Ctx = { rng, scale: opts.scale ?? 1, kk: opts.kazakhShare ?? 0.3, dims: form.dimensionByCode };
  const missingRate = opts.missingRate ?? 0.1;
  const answers: Record<string, AnswerEntry> = {};
  for (const item of form.items) {
    if (rng.chance(missingRate)) {
      const reason = rng.pick(form.missingReasons);
      answers[item.id] =
        reason.commentRequired || reason.code === 'other'
          ? { missingReason: reason.code, missingComment: rng.pick(missingComments) }
          : { missingReason: reason.code };
    } else answers[item.id] = { value: value(c, item) };
  }
  const content: SubmissionContent = { answers };
  alignBreakdowns(form, content, rng);
  repairRules(form, content);
  return content;
}

/** Same as generateAnswers for the memoised form of (version, agency type). */
export function generateAnswersFor(
  versionId: string,
  agencyType: string,
  opts: SyntheticAnswerOptions & { root?: string } = {},
): SubmissionContent {
  return generateAnswers(getForm(versionId, agencyType, opts.root), opts);
}
