// The results communicated to the subjects (Rules §19): a focal point reads the published final
// report (PDF, XLSX, both languages) and its own agency type's risk profile, nothing else; each
// read is recorded, and the secretariat sees who has read them.
import type { Db } from '../../db/client.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import { isRestricted } from '../../reports/build/outputs.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { fileNotFound } from '../reports/reports.errors.js';
import { findFile, listFiles } from '../reports/reports.repository.js';
import { notPublished } from './commission.errors.js';
import { actionsOf, audience, findPublication, listPublished, readsOf, recordRead } from './commission.repository.js';
import type { ResultView } from './commission.schemas.js';

interface FileKind {
  kind: 'report' | 'profile';
  agencyType: string | null;
  lang: 'kk' | 'ru';
  format: 'pdf' | 'xlsx';
}

/** report-<lang>.<pdf|xlsx> and profile-<agencyType>-<lang>.pdf, as the finalisation names them. */
export function classify(name: string): FileKind | undefined {
  const report = /^report-(kk|ru)\.(pdf|xlsx)$/.exec(name);
  if (report) return { kind: 'report', agencyType: null, lang: report[1] as 'kk', format: report[2] as 'pdf' };
  const profile = /^profile-([a-z0-9_]+)-(kk|ru)\.pdf$/.exec(name);
  if (profile) return { kind: 'profile', agencyType: profile[1]!, lang: profile[2] as 'kk', format: 'pdf' };
  return undefined;
}

/** The focal point's agency type; null for the secretariat, experts and admins, who read every profile. */
async function readerAgencyType(db: Db, user: AuthUser): Promise<string | null> {
  if (hasRole(user, 'admin', 'expert', 'secretariat')) return null;
  const org = user.organisationId ? await findOrganisation(db, user.organisationId) : undefined;
  // A focal point without an organisation reads the report but no profile.
  return org?.agencyType ?? '';
}

const mayRead = (kind: FileKind | undefined, agencyType: string | null, name: string) =>
  !!kind && !isRestricted(name) && (kind.kind === 'report' || agencyType === null || kind.agencyType === agencyType);

export async function getResults(db: Db, user: AuthUser): Promise<ResultView[]> {
  const agencyType = await readerAgencyType(db, user);
  const published = await listPublished(db);
  const actions = await actionsOf(
    db,
    published.map((p) => p.assessment.id),
    agencyType ?? undefined,
  );
  const out: ResultView[] = [];
  for (const p of published) {
    const read = new Set((await readsOf(db, p.assessment.id, user.id)).map((r) => r.fileName));
    const files = (await listFiles(db, p.assessment.id)).flatMap((f) => {
      const kind = classify(f.name);
      if (!kind || !mayRead(kind, agencyType, f.name)) return [];
      return [{ name: f.name, ...kind, size: f.size, sha256: f.sha256, read: read.has(f.name) }];
    });
    out.push({
      id: p.assessment.id,
      title: { kk: p.assessment.titleKk, ru: p.assessment.titleRu },
      startYear: p.assessment.startYear,
      endYear: p.assessment.endYear,
      publishedAt: p.publishedAt.toISOString(),
      decision: {
        meetingOn: p.decision.meetingOn,
        protocolNumber: p.decision.protocolNumber,
        text: { kk: p.decision.decisionKk, ru: p.decision.decisionRu },
      },
      agencyType: agencyType || null,
      files,
      actions: actions
        .filter((a) => a.assessmentId === p.assessment.id)
        .map((a) => ({ id: a.id, agencyType: a.agencyType, text: { kk: a.textKk, ru: a.textRu } })),
    });
  }
  return out;
}

/** One published file; a focal point's read is recorded (first and last time, count). */
export async function getResultFile(db: Db, user: AuthUser, assessmentId: string, name: string) {
  await loadAssessment(db, assessmentId);
  if (!(await findPublication(db, assessmentId))) throw notPublished();
  const agencyType = await readerAgencyType(db, user);
  const file = mayRead(classify(name), agencyType, name) ? await findFile(db, assessmentId, name) : undefined;
  if (!file) throw fileNotFound();
  if (hasRole(user, 'focal_point'))
    await recordRead(db, { assessmentId, userId: user.id, organisationId: user.organisationId, fileName: name });
  return file;
}

/** Per subject: its focal points and who of them read which files, when. */
export async function getReadReceipts(db: Db, user: AuthUser, assessmentId: string) {
  await loadAssessment(db, assessmentId, { readableBy: user });
  const publication = await findPublication(db, assessmentId);
  if (!publication) throw notPublished();
  const { orgs, focal } = await audience(db);
  const reads = await readsOf(db, assessmentId);
  const rows = orgs.map((o) => {
    const readers = new Map<
      string,
      { userId: string; name: string; firstReadAt: Date; lastReadAt: Date; files: string[] }
    >();
    for (const r of reads.filter((x) => x.organisationId === o.id)) {
      const entry = readers.get(r.userId) ?? {
        userId: r.userId,
        name: r.name,
        firstReadAt: r.firstReadAt,
        lastReadAt: r.lastReadAt,
        files: [],
      };
      if (r.firstReadAt < entry.firstReadAt) entry.firstReadAt = r.firstReadAt;
      if (r.lastReadAt > entry.lastReadAt) entry.lastReadAt = r.lastReadAt;
      entry.files.push(r.fileName);
      readers.set(r.userId, entry);
    }
    return {
      organisationId: o.id,
      name: { kk: o.nameKk, ru: o.nameRu },
      agencyType: o.agencyType,
      region: o.region,
      focalPoints: focal.filter((u) => u.organisationId === o.id).length,
      readers: [...readers.values()].map((r) => ({
        ...r,
        firstReadAt: r.firstReadAt.toISOString(),
        lastReadAt: r.lastReadAt.toISOString(),
        files: r.files.sort(),
      })),
    };
  });
  return {
    publishedAt: publication.publishedAt.toISOString(),
    organisations: rows.length,
    read: rows.filter((r) => r.readers.length > 0).length,
    rows,
  };
}
