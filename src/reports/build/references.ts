// The assessment's sources (Rules §10, §15) as a numbered list grouped by type, and
// citations in the experts' text: "[ref:unodc-2024]" becomes the source's number "[3]".
import type { Bilingual, Lang } from '../../shared/lang.js';
import { captions } from './captions.js';
import type { Reference } from './inputs.js';

const typeOrder = ['un', 'osce', 'international_org', 'research', 'media', 'interview', 'legislation', 'other'];
const rank = (r: Reference) => {
  const i = typeOrder.indexOf(r.type ?? 'other');
  return i < 0 ? typeOrder.length : i;
};

/** The references in citation order: by type, then as entered. */
export function orderedReferences(refs: readonly Reference[]): Reference[] {
  return refs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/** "[n] Title, year, url (type)" for the list of sources, numbered as cited. */
export function referenceLines(refs: readonly Reference[], lang: Lang): string[] {
  const types = captions().referenceTypes;
  return orderedReferences(refs).map((r, n) => {
    const type = types[r.type ?? 'other']?.[lang];
    return `[${n + 1}] ${[r.title, r.year, r.url].filter((x) => x !== undefined && x !== '').join(', ')}${type ? ` (${type})` : ''}`;
  });
}

/** Replaces [ref:id] by the source's number; an unknown id stays as written, for the experts to see. */
export function citeReferences(text: string, refs: readonly Reference[]): string {
  const numbers = new Map(orderedReferences(refs).flatMap((r, n) => (r.id ? [[r.id, n + 1] as const] : [])));
  return text.replace(/\[ref:([a-z0-9_-]+)\]/g, (m, id: string) => (numbers.has(id) ? `[${numbers.get(id)}]` : m));
}

/** The narrative with citations resolved in both languages. */
export function citedNarrative(
  narrative: Record<string, Bilingual>,
  refs: readonly Reference[],
): Record<string, Bilingual> {
  if (!refs.some((r) => r.id)) return narrative;
  return Object.fromEntries(
    Object.entries(narrative).map(([k, v]) => [k, { kk: citeReferences(v.kk, refs), ru: citeReferences(v.ru, refs) }]),
  );
}
