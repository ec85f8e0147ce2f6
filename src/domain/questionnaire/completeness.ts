// Completeness of a submission content against a form: how many items are answered,
// explained by a missing-data reason (by reason), or empty.
import type { Form } from './forms.js';

export interface CompletenessCounts {
  total: number;
  answered: number;
  explained: number;
  /** Absent, or malformed (neither or both of value / missingReason). */
  empty: number;
  /** Explained items by reason code. */
  byReason: Record<string, number>;
  /** Stored with each saved draft: its readiness (readiness.ts), what submission will accept. */
  ready?: number;
  required?: number;
}

/** Share done, 0..1: readiness where stored (saved drafts), else answered or explained over all items. */
export function completionShare(c: CompletenessCounts | null | undefined): number | null {
  if (!c) return null;
  if (c.ready !== undefined && c.required !== undefined) return c.required > 0 ? c.ready / c.required : 1;
  return c.total > 0 ? (c.answered + c.explained) / c.total : null;
}

export interface CompletenessSummary extends CompletenessCounts {
  /** Answer keys that are not items of the form. */
  unknownItems: number;
  sections: Array<CompletenessCounts & { number: number }>;
}

const blank = (): CompletenessCounts => ({ total: 0, answered: 0, explained: 0, empty: 0, byReason: {} });
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.hasOwn(o, k);

export function completenessSummary(content: unknown, form: Form): CompletenessSummary {
  const answers = isObj(content) && isObj(content.answers) ? content.answers : {};
  const bySection = new Map(form.sectionNumbers.map((n) => [n, blank()]));
  for (const [id, loc] of form.index) {
    const c = bySection.get(loc.section.number)!;
    const entry = own(answers, id) ? answers[id] : undefined;
    const hasValue = isObj(entry) && own(entry, 'value');
    const reason = isObj(entry) && typeof entry.missingReason === 'string' ? entry.missingReason : undefined;
    c.total++;
    if (hasValue && reason === undefined) c.answered++;
    else if (!hasValue && reason !== undefined) {
      c.explained++;
      c.byReason[reason] = (c.byReason[reason] ?? 0) + 1;
    } else c.empty++;
  }
  const overall = blank();
  for (const c of bySection.values()) {
    overall.total += c.total;
    overall.answered += c.answered;
    overall.explained += c.explained;
    overall.empty += c.empty;
    for (const [reason, n] of Object.entries(c.byReason))
      overall.byReason[reason] = (overall.byReason[reason] ?? 0) + n;
  }
  let unknownItems = 0;
  for (const id in answers) if (!form.index.has(id)) unknownItems++;
  return { ...overall, unknownItems, sections: [...bySection].map(([number, c]) => ({ number, ...c })) };
}
