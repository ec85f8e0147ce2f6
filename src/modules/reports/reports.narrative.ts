// The experts' narrative per report chapter, in kk and ru: every save is a new
// revision (optimistic concurrency on the revision number), audited, refused once the
// assessment is finalised.
import type { Db, DbOrTx } from '../../db/client.js';
import { isNarrativeChapter, narrativeChapters } from '../../reports/build/narrative-keys.js';
import type { Actor } from '../../shared/context.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { audit } from '../audit/audit.repository.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { unknownChapter } from './reports.errors.js';
import {
  chapterRevisions,
  currentNarratives,
  currentRevision,
  insertNarrative,
  type NarrativeRow,
} from './reports.repository.js';
import type { NarrativeBody, NarrativeView } from './reports.schemas.js';

function view(chapter: string, row: NarrativeRow | undefined): NarrativeView {
  return {
    chapter,
    revision: row?.revision ?? 0,
    textKk: row?.textKk ?? '',
    textRu: row?.textRu ?? '',
    savedBy: row?.savedBy ?? null,
    savedAt: row ? row.savedAt.toISOString() : null,
  };
}

const requireAssessment = (db: DbOrTx, id: string, forUpdate = false) => loadAssessment(db, id, { forUpdate });

function requireChapter(chapter: string): void {
  if (!isNarrativeChapter(chapter)) throw unknownChapter(chapter);
}

/** Every chapter with its current text (revision 0 and empty texts when never written). */
export async function getNarrative(
  db: Db,
  assessmentId: string,
): Promise<{ status: string; chapters: NarrativeView[] }> {
  const a = await requireAssessment(db, assessmentId);
  const current = new Map((await currentNarratives(db, assessmentId)).map((r) => [r.chapter, r]));
  return { status: a.status, chapters: narrativeChapters.map((c) => view(c, current.get(c))) };
}

export async function getChapterRevisions(db: Db, assessmentId: string, chapter: string): Promise<NarrativeView[]> {
  requireChapter(chapter);
  await requireAssessment(db, assessmentId);
  return (await chapterRevisions(db, assessmentId, chapter)).map((r) => view(chapter, r));
}

export async function saveChapter(
  db: Db,
  actor: Actor,
  assessmentId: string,
  chapter: string,
  ifMatch: number,
  body: NarrativeBody,
): Promise<NarrativeView> {
  requireChapter(chapter);
  return db.transaction(async (tx) => {
    // The assessment row lock serialises saves of one assessment (and finalisation).
    await loadAssessment(tx, assessmentId, { forUpdate: true, writable: true });
    const current = await currentRevision(tx, assessmentId, chapter);
    if (ifMatch !== current) throw staleVersion(current, { chapter });
    const row = await insertNarrative(tx, {
      assessmentId,
      chapter,
      revision: current + 1,
      textKk: body.textKk,
      textRu: body.textRu,
      savedBy: actor.user.id,
    });
    await audit(
      tx,
      actor,
      'narrative.save',
      { type: 'assessment', id: assessmentId },
      { after: { chapter, revision: row.revision, textKk: body.textKk, textRu: body.textRu } },
    );
    return view(chapter, row);
  });
}
