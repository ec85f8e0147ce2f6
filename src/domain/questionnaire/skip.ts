// Skip logic: a breakdown refines one figure of its question (its total must equal, or
// not exceed, that figure). When the figure itself is explained by a missing-data
// reason, its breakdowns cannot be given and are not demanded; they may still be answered.
import type { LocatedItem } from './loader.js';
import type { Rule } from './model.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Breakdown item -> the figure it breaks down, read off the rules "breakdown total (= or <=)
 * figure" within one question (the figure is a plain count, the breakdown a breakdown item).
 */
export function breakdownParents(rules: readonly Rule[], index: ReadonlyMap<string, LocatedItem>): Map<string, string> {
  const parents = new Map<string, string>();
  for (const r of rules) {
    if (r.op === 'gte' || r.left.length !== 1 || r.right.length !== 1) continue;
    const [l, rt] = [r.left[0], r.right[0]];
    const child = index.get(l.item);
    const parent = index.get(rt.item);
    if (!child || !parent || rt.part !== undefined || (l.part ?? 'total') !== 'total') continue;
    if (child.item.kind !== 'breakdown' || parent.item.kind !== 'count' || child.question !== parent.question) continue;
    if (!parents.has(l.item)) parents.set(l.item, rt.item);
  }
  return parents;
}

/** Items not demanded by this content: breakdowns whose figure is explained by a missing-data reason. */
export function skippedItems(answers: Record<string, unknown>, parents: ReadonlyMap<string, string>): Set<string> {
  const skipped = new Set<string>();
  for (const [child, parent] of parents) {
    const entry = Object.hasOwn(answers, parent) ? answers[parent] : undefined;
    if (isObj(entry) && !Object.hasOwn(entry, 'value') && typeof entry.missingReason === 'string') skipped.add(child);
  }
  return skipped;
}
