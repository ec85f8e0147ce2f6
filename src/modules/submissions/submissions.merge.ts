// Item-level three-way merge of a draft write against the draft it was based on. A write
// that started from an older revision keeps every item only one side changed; an item
// both sides changed to different values is a conflict, and nothing is merged for it.
import { canonicalJson } from '../../domain/questionnaire/loader.js';
import type { Content } from './submissions.schemas.js';

export interface MergeResult {
  /** Base + both sides' changes; conflicting items keep the current value. */
  merged: Content;
  /** Items changed on both sides to different values. */
  conflicts: string[];
  /** Items the merge took from the current draft (changed since the base by someone else). */
  theirs: string[];
}

export const sameValue = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export function mergeContents(base: Content, current: Content, incoming: Content): MergeResult {
  const b = base.answers;
  const c = current.answers;
  const i = incoming.answers;
  const answers: Record<string, unknown> = {};
  const conflicts: string[] = [];
  const theirs: string[] = [];
  const ids = new Set([...Object.keys(b), ...Object.keys(c), ...Object.keys(i)]);
  for (const id of ids) {
    const mine = !sameValue(i[id], b[id]);
    const other = !sameValue(c[id], b[id]);
    let take: unknown;
    if (!mine) {
      take = c[id];
      if (other) theirs.push(id);
    } else if (!other || sameValue(i[id], c[id])) take = i[id];
    else {
      conflicts.push(id);
      take = c[id];
    }
    if (take !== undefined && take !== null) answers[id] = take;
  }
  return { merged: { answers }, conflicts: conflicts.sort(), theirs: theirs.sort() };
}

/** Whether two contents hold the same answers. */
export const sameContent = (a: Content, b: Content) => sameValue(a.answers, b.answers);
