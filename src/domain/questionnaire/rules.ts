// Consistency rules (left <op> right over summed operands), compiled to plain closures.
// A rule is evaluated only when every operand is answered with a well-formed value.
import type { Item, Operand, Rule } from './model.js';
import type { LocatedItem } from './loader.js';

/** The `answers` object of a submission content. */
export type Answers = Record<string, unknown>;

export interface CompiledOperand {
  operand: Operand;
  /** Numeric value, or undefined when the item is not answered or its value is malformed. */
  read(answers: Answers): number | undefined;
}

export interface RuleOutcome {
  left: number;
  right: number;
  ok: boolean;
}

export interface CompiledRule {
  rule: Rule;
  itemIds: readonly string[];
  /** Undefined when some operand is not answered. */
  evaluate(answers: Answers): RuleOutcome | undefined;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `value` of an answered item, or undefined (absent, explained, both, or not an object). */
export function answeredValue(answers: Answers, itemId: string): unknown {
  const a = Object.hasOwn(answers, itemId) ? answers[itemId] : undefined;
  if (!isObj(a) || !('value' in a) || 'missingReason' in a) return undefined;
  return a.value;
}

function valueReader(item: Item, part: string | undefined): (value: unknown) => number | undefined {
  switch (item.kind) {
    case 'count':
    case 'amount':
      return (v) => (isNum(v) ? v : undefined);
    case 'breakdown':
      if (part === undefined || part === 'total') return (v) => (isObj(v) && isNum(v.total) ? v.total : undefined);
      return (v) => {
        if (!isObj(v) || !isObj(v.byCategory)) return undefined;
        const n = Object.hasOwn(v.byCategory, part) ? v.byCategory[part] : 0;
        return isNum(n) ? n : undefined;
      };
    case 'table': {
      const col = part?.startsWith('column:') ? part.slice(7) : '';
      return (v) => {
        if (!Array.isArray(v)) return undefined;
        let sum = 0;
        for (const row of v) if (isObj(row) && isNum(row[col])) sum += row[col];
        return sum;
      };
    }
    default:
      return () => undefined;
  }
}

export function compileOperand(operand: Operand, index: ReadonlyMap<string, LocatedItem>): CompiledOperand {
  const located = index.get(operand.item);
  if (!located) return { operand, read: () => undefined };
  const reader = valueReader(located.item, operand.part);
  return {
    operand,
    read: (answers) => {
      const v = answeredValue(answers, operand.item);
      return v === undefined ? undefined : reader(v);
    },
  };
}

/** Compares at cent precision (amounts carry at most two decimals). */
export function compare(op: Rule['op'], left: number, right: number): boolean {
  const l = Math.round(left * 100);
  const r = Math.round(right * 100);
  return op === 'lte' ? l <= r : op === 'gte' ? l >= r : l === r;
}

function sum(ops: CompiledOperand[], answers: Answers): number | undefined {
  let total = 0;
  for (const o of ops) {
    const v = o.read(answers);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

export function compileRule(rule: Rule, index: ReadonlyMap<string, LocatedItem>): CompiledRule {
  const left = rule.left.map((o) => compileOperand(o, index));
  const right = rule.right.map((o) => compileOperand(o, index));
  return {
    rule,
    itemIds: [...new Set([...rule.left, ...rule.right].map((o) => o.item))],
    evaluate(answers) {
      const l = sum(left, answers);
      if (l === undefined) return undefined;
      const r = sum(right, answers);
      if (r === undefined) return undefined;
      return { left: l, right: r, ok: compare(rule.op, l, r) };
    },
  };
}
