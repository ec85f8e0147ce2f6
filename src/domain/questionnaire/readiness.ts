// Readiness for submission: the completeness a focal point sees. An item counts as done only
// when submission will not refuse it, so 100 % means exactly "Submit will pass" (warnings
// aside, which need an explanation, not a change). Computed from the complete-mode issues
// the server also refuses a submission with, so the page and the refusal cannot disagree.
import type { Form } from './forms.js';
import { skippedItems } from './skip.js';
import { isBlocking, type Issue } from './validation.js';

export interface Readiness {
  /** Items the content must answer or explain: the form's items less the skipped, unanswered ones. */
  required: number;
  /** Required items answered or explained with nothing blocking them. */
  ready: number;
  /** Breakdowns not demanded because their figure is explained (skip logic). */
  skipped: string[];
  /** Blocking issues (complete mode); 0 with ready === required means Submit passes. */
  blocking: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readiness(content: unknown, form: Form, completeIssues: readonly Issue[]): Readiness {
  const answers = isObj(content) && isObj(content.answers) ? content.answers : {};
  const skipped = skippedItems(answers, form.breakdownOf);
  const blocked = new Set<string>();
  let blocking = 0;
  for (const i of completeIssues)
    if (isBlocking(i, 'complete')) {
      blocking++;
      blocked.add(i.itemId);
    }
  let required = 0;
  let ready = 0;
  for (const id of form.index.keys()) {
    const answered = Object.hasOwn(answers, id);
    if (skipped.has(id) && !answered) continue;
    required++;
    if (answered && !blocked.has(id)) ready++;
  }
  return { required, ready, skipped: [...skipped].filter((id) => !Object.hasOwn(answers, id)), blocking };
}
