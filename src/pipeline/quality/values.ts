// Numeric answers read from a submission content: counts and breakdown totals (the
// quantities compared over time and across regions), and rule-style operands.
import type { Form } from '../../domain/questionnaire/forms.js';
import { isObj } from '../../domain/questionnaire/checks.js';
import { answeredValue, compileOperand, type Answers } from '../../domain/questionnaire/rules.js';
import type { FlowOperand } from './reconciliation.rules.js';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function answersOf(content: unknown): Answers {
  return isObj(content) && isObj(content.answers) ? (content.answers as Answers) : {};
}

/** Count items and breakdown totals answered with a well-formed count, in form order. */
export function countValues(form: Form, content: unknown): Map<string, number> {
  const answers = answersOf(content);
  const out = new Map<string, number>();
  for (const item of form.items) {
    if (item.kind !== 'count' && item.kind !== 'breakdown') continue;
    const v = answeredValue(answers, item.id);
    const n = item.kind === 'count' ? v : isObj(v) ? v.total : undefined;
    if (isCount(n)) out.set(item.id, n);
  }
  return out;
}

/** Sum of the flow operands in the form; undefined when one of them is not answered. */
export function flowValue(form: Form, content: unknown, operands: readonly FlowOperand[]): number | undefined {
  const answers = answersOf(content);
  let sum = 0;
  let any = false;
  for (const o of operands) {
    if (!form.index.has(o.item)) continue;
    any = true;
    const v = compileOperand({ item: o.item, ...(o.part ? { part: o.part } : {}) }, form.index).read(answers);
    if (v === undefined) return undefined;
    sum += v;
  }
  return any ? sum : undefined;
}
