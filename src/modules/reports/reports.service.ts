// Stored outputs of a finalised assessment and the draft preview.
import type { Db } from '../../db/client.js';
import type { Lang } from '../../shared/lang.js';
import { buildReportViewModel } from '../../reports/build/build.js';
import { renderReportPdf } from '../../reports/pdf/report.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import type { Actor } from '../../shared/context.js';
import { isRestricted } from '../../reports/build/outputs.js';
import { audit } from '../audit/audit.repository.js';
import { fileNotFound } from './reports.errors.js';
import { loadAssessmentInput } from './reports.input.js';
import { findFile, listFiles } from './reports.repository.js';

/** The secretariat sees an assessment's files only once it is finalised (sent to the Commission). */
async function visibleAssessment(db: Db, user: AuthUser, assessmentId: string) {
  return loadAssessment(db, assessmentId, { readableBy: user });
}

/**
 * Restricted files (the raw fact table, facts-restricted.arrow: unsuppressed victim counts)
 * are for the expert group and administrators only, never listed to the secretariat, and
 * every download is written to the audit log; the published outputs go to the secretariat.
 */
const mayRead = (user: AuthUser, name: string) => hasRole(user, 'admin', 'expert') || !isRestricted(name);

export async function getFiles(db: Db, user: AuthUser, assessmentId: string) {
  await visibleAssessment(db, user, assessmentId);
  return (await listFiles(db, assessmentId))
    .filter((f) => mayRead(user, f.name))
    .map((f) => ({ ...f, restricted: isRestricted(f.name), createdAt: f.createdAt.toISOString() }));
}

export async function getFile(db: Db, actor: Actor, assessmentId: string, name: string) {
  await visibleAssessment(db, actor.user, assessmentId);
  const file = mayRead(actor.user, name) ? await findFile(db, assessmentId, name) : undefined;
  if (!file) throw fileNotFound();
  if (isRestricted(name)) {
    await audit(
      db,
      actor,
      'assessment.restricted_file_download',
      { type: 'assessment', id: assessmentId },
      { after: { name: file.name, sha256: file.sha256, size: file.size } },
    );
  }
  return file;
}

/** A draft report PDF (suppressed like the published one), rendered on request and not stored. */
export async function previewPdf(db: Db, assessmentId: string, lang: Lang): Promise<Buffer> {
  const input = await loadAssessmentInput(db, assessmentId);
  return renderReportPdf(buildReportViewModel(input, lang, { publish: true }));
}
