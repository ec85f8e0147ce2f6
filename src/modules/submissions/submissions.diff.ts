// Difference between two contents, item by item.
import { canonicalJson } from '../../domain/questionnaire/loader.js';

export interface ItemChange {
  itemId: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const answersOf = (content: unknown): Record<string, unknown> =>
  ((content as { answers?: Record<string, unknown> } | null)?.answers ?? {}) as Record<string, unknown>;

export function diffContents(before: unknown, after: unknown): ItemChange[] {
  const a = answersOf(before);
  const b = answersOf(after);
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changes: ItemChange[] = [];
  for (const itemId of ids) {
    const inA = Object.hasOwn(a, itemId);
    const inB = Object.hasOwn(b, itemId);
    if (inA && !inB) changes.push({ itemId, change: 'removed', before: a[itemId], after: null });
    else if (!inA && inB) changes.push({ itemId, change: 'added', before: null, after: b[itemId] });
    else if (canonicalJson(a[itemId]) !== canonicalJson(b[itemId]))
      changes.push({ itemId, change: 'changed', before: a[itemId], after: b[itemId] });
  }
  return changes;
}
