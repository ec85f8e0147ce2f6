// Chapter keys of the experts' narrative (narrative_revisions.chapter), matching the
// view model: the description, each §14 conclusion heading, the recommendations and
// one note per agency type's risk profile.
import { agencyTypeCodes, type AgencyTypeCode } from '../../domain/reference.js';
import { conclusionKeys, type ConclusionKey } from '../report.view-model.js';

export type NarrativeChapter =
  | 'description'
  | `conclusions.${ConclusionKey}`
  | 'recommendations'
  | `profile.${AgencyTypeCode}`;

export const narrativeChapters: readonly NarrativeChapter[] = [
  'description',
  ...conclusionKeys.map((k) => `conclusions.${k}` as const),
  'recommendations',
  ...agencyTypeCodes.map((c) => `profile.${c}` as const),
];

/** Chapters that need the experts' accepted text before finalisation: the description and the nine §14 points. */
export const requiredChapters: readonly NarrativeChapter[] = [
  'description',
  ...conclusionKeys.map((k) => `conclusions.${k}` as const),
];

export function isNarrativeChapter(key: string): key is NarrativeChapter {
  return (narrativeChapters as readonly string[]).includes(key);
}

/** Paragraphs of a narrative text: blank-line separated, trimmed, empty ones dropped. */
export function paragraphsOf(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}
