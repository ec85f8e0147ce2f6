// Step 2 of the assessment (Rules §13): structuring, a pure normaliser of the
// pipeline input into fact rows. One row per answer value (a breakdown gives a total
// row plus one row per reported category; absent categories count 0 and are not
// written), one row per missing answer with its reason; empty items have no row.
// Tables: one row per cell (dimension = column id, category = row number);
// entity lists: one row per entry (dimension 'entity', category = country code).
import { isObj } from '../domain/questionnaire/checks.js';
import { getForm } from '../domain/questionnaire/forms.js';
import type { Item } from '../domain/questionnaire/model.js';
import type { Fact } from './facts.js';
import type { PipelineInput, PipelineSubmission } from './quality/types.js';

export interface StructuringSummary {
  submissions: number;
  facts: number;
  values: number;
  texts: number;
  missing: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

type Emit = (dimension: string | null, category: string | null, value: number | null, textValue: string | null) => void;

function emitValue(item: Item, v: unknown, emit: Emit): void {
  switch (item.kind) {
    case 'count':
    case 'amount':
      return emit(null, null, num(v), null);
    case 'text':
      return emit(null, null, null, str(v));
    case 'yes_no':
      if (!isObj(v)) return;
      return emit(null, String(v.answer), v.answer === 'yes' ? 1 : 0, str(v.description));
    case 'breakdown':
      if (!isObj(v)) return;
      emit(null, null, num(v.total), null);
      if (isObj(v.byCategory)) for (const [c, n] of Object.entries(v.byCategory)) emit(item.dimension, c, num(n), null);
      return;
    case 'table':
      if (!Array.isArray(v)) return;
      v.forEach((row, i) => {
        if (!isObj(row)) return;
        for (const col of item.columns) {
          const cell = row[col.id];
          if (cell === undefined) continue;
          emit(
            col.id,
            String(i + 1),
            col.kind === 'count' || col.kind === 'amount' ? num(cell) : null,
            col.kind === 'count' || col.kind === 'amount' ? null : String(cell),
          );
        }
      });
      return;
    case 'entity_list':
      if (!Array.isArray(v)) return;
      for (const e of v) if (isObj(e)) emit('entity', str(e.country), null, str(e.name));
      return;
  }
}

function structureSubmission(
  s: PipelineSubmission,
  org: { agencyType: string; region: string } | undefined,
  version: string,
  sink: (f: Fact) => void,
  summary: StructuringSummary,
): void {
  const agencyType = org?.agencyType ?? s.agencyType;
  const region = org?.region ?? 'national';
  const form = getForm(version, agencyType);
  const answers = isObj(s.content) && isObj(s.content.answers) ? s.content.answers : {};
  const provisional = s.status === 'submitted';
  for (const item of form.items) {
    const entry = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (!isObj(entry)) continue;
    // Object literals of one shape (no spread): millions of facts at national scale.
    const itemId = item.id;
    if ('value' in entry && !('missingReason' in entry)) {
      emitValue(item, entry.value, (dimension, category, value, textValue) => {
        summary.facts++;
        if (value !== null) summary.values++;
        if (textValue !== null) summary.texts++;
        sink({
          year: s.year,
          organisationId: s.organisationId,
          agencyType,
          region,
          itemId,
          dimension,
          category,
          value,
          textValue,
          missingReason: null,
          provisional,
        });
      });
    } else if (typeof entry.missingReason === 'string' && !('value' in entry)) {
      summary.facts++;
      summary.missing++;
      sink({
        year: s.year,
        organisationId: s.organisationId,
        agencyType,
        region,
        itemId,
        dimension: null,
        category: null,
        value: null,
        textValue: str(entry.missingComment),
        missingReason: entry.missingReason,
        provisional,
      });
    }
  }
}

/** Submissions in the canonical fact order: (year, organisation id). */
export function orderedSubmissions(input: PipelineInput): PipelineSubmission[] {
  return [...input.submissions].sort(
    (a, b) =>
      a.year - b.year || (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0),
  );
}

export const emptySummary = (): StructuringSummary => ({ submissions: 0, facts: 0, values: 0, texts: 0, missing: 0 });

/** A normaliser bound to the input's organisations and campaigns; call it per submission. */
export function submissionStructurer(
  input: PipelineInput,
): (s: PipelineSubmission, sink: (f: Fact) => void, summary: StructuringSummary) => void {
  const orgById = new Map(input.organisations.map((o) => [o.id, o]));
  const versionOf = new Map(input.campaigns.map((c) => [c.id, c.questionnaireVersion]));
  return (s, sink, summary) => {
    summary.submissions++;
    structureSubmission(
      s,
      orgById.get(s.organisationId),
      versionOf.get(s.campaignId) ?? s.questionnaireVersion,
      sink,
      summary,
    );
  };
}

/** Calls `sink` for every fact of the input, submissions in (year, organisation) order, items in form order. */
export function forEachFact(input: PipelineInput, sink: (f: Fact) => void): StructuringSummary {
  const summary = emptySummary();
  const structureOne = submissionStructurer(input);
  for (const s of orderedSubmissions(input)) structureOne(s, sink, summary);
  return summary;
}

/** All facts in memory. */
export function structure(input: PipelineInput): { facts: Fact[]; summary: StructuringSummary } {
  const facts: Fact[] = [];
  const summary = forEachFact(input, (f) => facts.push(f));
  return { facts, summary };
}
