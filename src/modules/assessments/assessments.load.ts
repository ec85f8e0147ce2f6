// The one way to read an assessment, here and in other modules (scoring, reports): found
// or 404; readable by the user (the secretariat sees only finalised ones, others 404); for a
// write, a draft (a finalised assessment is immutable: 409). The assessments module owns
// the table and these errors.
import type { DbOrTx } from '../../db/client.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import { assessmentFinalised, assessmentNotFound } from './assessments.errors.js';
import { findAssessment, type AssessmentRow } from './assessments.repository.js';

export interface LoadAssessmentOptions {
  /** Lock the row until the transaction ends: concurrent writers of one assessment queue up. */
  forUpdate?: boolean;
  /** Refuse anything but a draft (409 `assessment.finalised`). */
  writable?: boolean;
  /** Only what this user may read: without the admin or expert role, finalised assessments. */
  readableBy?: AuthUser;
}

export async function loadAssessment(db: DbOrTx, id: string, opts: LoadAssessmentOptions = {}): Promise<AssessmentRow> {
  const row = await findAssessment(db, id, opts.forUpdate);
  if (!row) throw assessmentNotFound();
  if (opts.readableBy && !hasRole(opts.readableBy, 'admin', 'expert') && row.status !== 'finalised')
    throw assessmentNotFound();
  if (opts.writable && row.status !== 'draft') throw assessmentFinalised();
  return row;
}

/** A draft assessment to run or change, locked for the transaction. */
export const loadDraft = (db: DbOrTx, id: string): Promise<AssessmentRow> =>
  loadAssessment(db, id, { forUpdate: true, writable: true });
