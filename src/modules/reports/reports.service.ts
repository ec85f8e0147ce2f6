// Stored outputs of a finalised assessment and the draft preview.
import type { Db } from '../../db/client.js';
import type { Lang } from '../../shared/lang.js';
import { buildReportViewModel } from '../../reports/build/build.js';
import { renderReportPdf } from '../../reports/pdf/report.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { fileNotFound } from './reports.errors.js';
import { loadAssessmentInput } from './reports.input.js';
import { findFile, listFiles } from './reports.repository.js';

/** The secretariat sees an assessment's files only once it is finalised (sent to the Commission). */
async function visibleAssessment(db: Db, user: AuthUser, assessmentId: string) {
  return loadAssessment(db, assessmentId, { readableBy: user });
}

/**
 * The fact table (facts.arrow) holds raw, unsuppressed victim counts for the expert
 * group's analysts; only the suppressed outputs (PDF, XLSX, profiles) go to the secretariat.
 */
const isPublished = (name: string) => !name.startsWith('facts.');
const mayRead = (user: AuthUser, name: string) => hasRole(user, 'admin', 'expert') || isPublished(name);

export async function getFiles(db: Db, user: AuthUser, assessmentId: string) {
  await visibleAssessment(db, user, assessmentId);
  return (await listFiles(db, assessmentId)).filter((f) => mayRead(user, f.name)).map((f) => ({ ...f, createdAt: f.createdAt.toISOString() }));
}

export async function getFile(db: Db, user: AuthUser, assessmentId: string, name: string) {
  await visibleAssessment(db, user, assessmentId);
  const file = mayRead(user, name) ? await findFile(db, assessmentId, name) : undefined;
  if (!file) throw fileNotFound();
  return file;
}

/** A draft report PDF (suppressed like the published one), rendered on request and not stored. */
export async function previewPdf(db: Db, assessmentId: string, lang: Lang): Promise<Buffer> {
  const input = await loadAssessmentInput(db, assessmentId);
  return renderReportPdf(buildReportViewModel(input, lang, { publish: true }));
}
