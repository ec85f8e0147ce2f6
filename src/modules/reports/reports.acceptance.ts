// The experts' acceptance of the analysis in words: the generated drafts offered per
// chapter, and the check before finalisation that the description and every §14 point
// have an accepted text (saved by an expert in kk and ru, without the draft's marker line).
import type { Db, DbOrTx } from '../../db/client.js';
import { buildDrafts } from '../../reports/build/build.js';
import { isDraftText } from '../../reports/build/drafts.js';
import { requiredChapters } from '../../reports/build/narrative-keys.js';
import { loadTexts } from '../../reports/texts.js';
import type { Lang } from '../../shared/lang.js';
import { narrativeMissing } from './reports.errors.js';
import { loadAssessmentInput } from './reports.input.js';
import { currentNarratives } from './reports.repository.js';

/** Generated drafts of the chapters to accept, with the chapter's current revision for If-Match. */
export async function getDrafts(db: Db, assessmentId: string) {
  const input = await loadAssessmentInput(db, assessmentId);
  const current = new Map((await currentNarratives(db, assessmentId)).map((r) => [r.chapter, r]));
  return buildDrafts(input).map((d) => ({
    ...d,
    revision: current.get(d.chapter)?.revision ?? 0,
    accepted: isAccepted(current.get(d.chapter)),
  }));
}

function isAccepted(row: { textKk: string; textRu: string } | undefined): boolean {
  return (
    !!row &&
    row.textKk.trim() !== '' &&
    row.textRu.trim() !== '' &&
    !isDraftText(row.textKk) &&
    !isDraftText(row.textRu)
  );
}

function chapterTitle(chapter: string, lang: Lang): string {
  const t = loadTexts(lang);
  if (chapter === 'description') return `1. ${t.chapters.description}`;
  const key = chapter.slice('conclusions.'.length) as keyof typeof t.conclusionHeadings;
  const n = Object.keys(t.conclusionHeadings).indexOf(key) + 1;
  return `2.${n}. ${t.conclusionHeadings[key]}`;
}

/** Refuses (409 report.narrative_missing) unless every required chapter has an accepted text; lists what is missing. */
export async function requireAcceptedNarrative(db: DbOrTx, assessmentId: string): Promise<void> {
  const current = new Map((await currentNarratives(db, assessmentId)).map((r) => [r.chapter, r]));
  const missing = requiredChapters.filter((c) => !isAccepted(current.get(c)));
  if (!missing.length) return;
  const list = (lang: Lang) => missing.map((c) => chapterTitle(c, lang)).join('; ');
  throw narrativeMissing(missing, { kk: list('kk'), ru: list('ru') });
}
