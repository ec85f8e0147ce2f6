// Makes synthetic numbers satisfy a form's consistency rules by only ever decreasing
// values (so every pass makes progress and breakdowns keep summing to their totals).
import type { Form } from '../domain/questionnaire/forms.js';
import type { Operand } from '../domain/questionnaire/model.js';
import type { BreakdownValue, SubmissionContent, TableRow } from '../domain/questionnaire/content.js';
import { compileOperand, compileRule, type Answers } from '../domain/questionnaire/rules.js';
import type { Rng } from './random.js';
import { splitTotal } from './split.js';

const cents = (n: number) => Math.round(n * 100) / 100;

/** Lowers the operand's value by up to `d`; returns how much it went down. */
function decrease(form: Form, answers: SubmissionContent['answers'], o: Operand, d: number): number {
  const entry = answers[o.item];
  const item = form.index.get(o.item)?.item;
  if (!entry || !('value' in entry) || !item || d <= 0) return 0;
  switch (item.kind) {
    case 'count':
    case 'amount': {
      const v = entry.value as number;
      const next =
        item.kind === 'count' ? Math.max(0, v - Math.ceil(d)) : Math.max(0, cents(v - Math.ceil(d * 100) / 100));
      entry.value = next;
      return v - next;
    }
    case 'breakdown': {
      const b = entry.value as BreakdownValue;
      const codes = o.part === undefined || o.part === 'total' ? Object.keys(b.byCategory) : [o.part];
      let left = Math.ceil(d);
      for (const c of codes) {
        const take = Math.min(left, b.byCategory[c] ?? 0);
        if (take <= 0) continue;
        b.byCategory[c] -= take;
        b.total -= take;
        left -= take;
        if (left === 0) break;
      }
      return Math.ceil(d) - left;
    }
    case 'table': {
      const col = (o.part ?? '').slice('column:'.length);
      let left = d;
      for (const row of entry.value as TableRow[]) {
        const v = row[col];
        if (typeof v !== 'number' || left <= 0) continue;
        const next = Math.max(0, cents(v - Math.ceil(left * 100) / 100));
        row[col] = Number.isInteger(v) ? Math.floor(next) : next;
        left -= v - (row[col] as number);
      }
      return d - Math.max(0, left);
    }
    default:
      return 0;
  }
}

/** Lowers a sum of operands by `d`, proportionally to their values, then in order for the rest. */
function decreaseSide(form: Form, answers: SubmissionContent['answers'], side: Operand[], d: number): void {
  let left = d;
  const values = side.map((o) => compileOperand(o, form.index).read(answers as Answers) ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  if (side.length > 1 && total > 0)
    side.forEach((o, i) => {
      const share = Math.min(left, Math.floor((d * values[i]) / total));
      left -= decrease(form, answers, o, share);
    });
  for (const o of side) {
    if (left <= 0) break;
    left -= decrease(form, answers, o, left);
  }
}

/**
 * For `eq` rules equating a breakdown's total with one other operand (the usual
 * "categories sum to the count" rules), redraws the breakdown around that value so
 * that repair does not have to shrink everything to the smallest random total.
 */
export function alignBreakdowns(form: Form, content: SubmissionContent, rng: Rng): void {
  const rules = form.rules.map((r) => compileRule(r, form.index));
  for (const c of rules) {
    const { op, left, right } = c.rule;
    if (op !== 'eq' || left.length !== 1 || right.length !== 1) continue;
    for (const [target, source] of [
      [left[0], right[0]],
      [right[0], left[0]],
    ]) {
      const item = form.index.get(target.item)?.item;
      const entry = content.answers[target.item];
      if (
        item?.kind !== 'breakdown' ||
        (target.part !== undefined && target.part !== 'total') ||
        !entry ||
        !('value' in entry)
      )
        continue;
      const n = compileOperand(source, form.index).read(content.answers as Answers);
      if (n === undefined || !Number.isInteger(n)) continue;
      const codes = form.dimensionByCode.get(item.dimension)?.categories.map((x) => x.code) ?? [];
      entry.value = { total: n, byCategory: splitTotal(rng, n, codes) } satisfies BreakdownValue;
      break;
    }
  }
}

/** Adjusts `content` in place until every evaluable rule of the form holds. */
export function repairRules(form: Form, content: SubmissionContent, maxPasses = 500): void {
  const rules = form.rules.map((r) => compileRule(r, form.index));
  const answers = content.answers;
  let converged = false;
  for (let pass = 0; pass < maxPasses && !converged; pass++) {
    converged = true;
    for (const c of rules) {
      const out = c.evaluate(answers as Answers);
      if (!out || out.ok) continue;
      converged = false;
      const { op, left, right } = c.rule;
      if (op === 'lte' || (op === 'eq' && out.left > out.right))
        decreaseSide(form, answers, left, out.left - out.right);
      else decreaseSide(form, answers, right, out.right - out.left);
    }
  }
  // Pathological rule sets: zero every operand of a still violated rule (values only go down).
  for (let pass = 0; !converged && pass < rules.length + 1; pass++) {
    converged = true;
    for (const c of rules) {
      const out = c.evaluate(answers as Answers);
      if (!out || out.ok) continue;
      converged = false;
      for (const o of [...c.rule.left, ...c.rule.right]) decrease(form, answers, o, Number.MAX_SAFE_INTEGER);
    }
  }
  pruneZeroCategories(form, content);
}

/** Absent categories count as 0: drop the zeros left by the split and the repair. */
function pruneZeroCategories(form: Form, content: SubmissionContent): void {
  for (const [id, entry] of Object.entries(content.answers)) {
    if (form.index.get(id)?.item.kind !== 'breakdown' || !('value' in entry)) continue;
    const b = entry.value as BreakdownValue;
    for (const [code, n] of Object.entries(b.byCategory)) if (n === 0) delete b.byCategory[code];
  }
}
