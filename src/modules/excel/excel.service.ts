// Excel round trip: the template of (campaign, organisation), the import of a filled
// template as a draft revision, and the campaign export. Access and state checks are
// the submissions service's (getSubmission for readers, saveDraft for writers).
import { PassThrough, type Readable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { writerFor, type Actor } from '../../shared/context.js';
import { campaignNotFound } from '../campaigns/campaigns.errors.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { getForm } from '../../domain/questionnaire/forms.js';
import { getVersion } from '../../domain/questionnaire/loader.js';
import {
  COMPLETENESS_CODES,
  completenessSummary,
  getValidator,
  isBlocking,
} from '../../domain/questionnaire/validation.js';
import type { Lang } from '../../shared/lang.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { diffContents, type ItemChange } from '../submissions/submissions.diff.js';
import { sameContent } from '../submissions/submissions.merge.js';
import { getSubmission, planWrite, saveDraft, type ConflictView } from '../submissions/submissions.service.js';
import { importInvalid, wrongTarget, type Problem } from './excel.errors.js';
import { writeCampaignExport } from './excel.export.js';
import { issueProblem, parseTemplate, readContent } from './excel.import.js';
import { campaignRows } from './excel.repository.js';
import { buildTemplate } from './excel.template.js';

/** A file name people recognise: organisation, reporting year, language (RFC 6266 filename* carries the Cyrillic). */
const fileName = (organisation: string, year: number, lang: Lang) =>
  `${organisation
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)} - ${year} - ${lang}.xlsx`;

export async function templateFor(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  lang: Lang,
): Promise<{ bytes: Buffer; revision: number; fileName: string }> {
  const view = await getSubmission(db, actor, campaignId, organisationId);
  const [org, campaign] = await Promise.all([findOrganisation(db, organisationId), findCampaign(db, campaignId)]);
  const organisationName = { kk: org?.nameKk ?? organisationId, ru: org?.nameRu ?? organisationId };
  const reportingYear = campaign?.reportingYear ?? 0;
  const bytes = await buildTemplate({
    form: getForm(view.questionnaireVersion, view.agencyType),
    campaignId,
    organisationId,
    organisationName,
    reportingYear,
    ...(campaign ? { deadline: campaign.deadline } : {}),
    lang,
    revision: view.revision,
    content: view.content,
  });
  return { bytes, revision: view.revision, fileName: fileName(organisationName[lang], reportingYear, lang) };
}

export interface UploadedFile {
  bytes: Buffer;
  name: string;
}

/** A problem of the workbook and what it stands in the way of: the import, the submission, or nothing. */
export type BlockingProblem = Problem & { blocks: 'import' | 'submission' | 'none' };
type Located = { itemId: string; sheet: string | null; cell: string | null };

export interface ImportPreview {
  /** The revision the workbook was made from: what it is merged against. */
  baseRevision: number;
  /** The draft now: send it as If-Match to import exactly this preview. */
  currentRevision: number;
  changes: (Located & { change: ItemChange['change']; before: unknown; after: unknown })[];
  conflicts: (ConflictView & Located)[];
  problems: BlockingProblem[];
  empty: Located[];
  unchanged: boolean;
  canImport: boolean;
  imported: { answered: number; explained: number; empty: number };
}

/** Reads a workbook against the draft as it is now: what an import would change, and what stands in its way. */
async function analyse(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  file: UploadedFile,
  resolutions: Record<string, 'mine' | 'theirs'>,
) {
  const parsed = await parseTemplate(file.bytes, file.name);
  const view = await getSubmission(db, actor, campaignId, organisationId);
  const { meta } = parsed;
  const found = { organisationName: meta.organisationName, reportingYear: meta.reportingYear };
  if (meta.organisationId !== organisationId)
    throw wrongTarget('organisationId', organisationId, meta.organisationId, found);
  if (meta.campaignId !== campaignId) throw wrongTarget('campaignId', campaignId, meta.campaignId, found);
  const form = getForm(view.questionnaireVersion, view.agencyType);
  if (meta.questionnaireVersion !== view.questionnaireVersion || meta.contentHash !== form.version.contentHash)
    throw wrongTarget('questionnaireVersion', view.questionnaireVersion, meta.questionnaireVersion, found);

  const { content, problems: cellProblems, locate, itemCell } = readContent(parsed, form);
  const draftIssues = getValidator(view.questionnaireVersion, view.agencyType, 'draft').validate(content).issues;
  const problems: BlockingProblem[] = [
    ...cellProblems,
    ...draftIssues.filter((i) => isBlocking(i, 'draft')).map((i) => issueProblem(i, locate)),
  ].map((p) => ({ ...p, blocks: 'import' as const }));
  const plan = await planWrite(db, campaignId, organisationId, meta.revision, content, resolutions);
  const at = (itemId: string): Located => {
    const c = itemCell(itemId);
    return { itemId, sheet: c?.sheet ?? null, cell: c?.cell ?? null };
  };
  // What the merged draft would still need before it can be submitted (empty items are listed apart).
  for (const i of getValidator(view.questionnaireVersion, view.agencyType, 'complete').validate(plan.merged).issues)
    if (!isBlocking(i, 'draft') && !COMPLETENESS_CODES.has(i.code))
      problems.push({ ...issueProblem(i, locate), blocks: isBlocking(i, 'complete') ? 'submission' : 'none' });
  const { answered, explained, empty } = completenessSummary(plan.merged, form);
  const preview: ImportPreview = {
    baseRevision: meta.revision,
    currentRevision: plan.currentRevision,
    changes: diffContents(plan.currentContent, plan.merged).map((c) => ({
      ...at(c.itemId),
      change: c.change,
      before: c.before,
      after: c.after,
    })),
    conflicts: plan.conflicts.map((c) => ({ ...c, ...at(c.itemId) })),
    problems,
    empty: form.items.filter((i) => plan.merged.answers[i.id] === undefined).map((i) => at(i.id)),
    unchanged: false,
    canImport: false,
    imported: { answered, explained, empty },
  };
  preview.canImport = !problems.some((p) => p.blocks === 'import') && !preview.conflicts.length;
  // Unreadable cells are not "no change": the preview must say what blocks the import.
  preview.unchanged = preview.canImport && sameContent(plan.merged, plan.currentContent);
  return { meta, content, preview };
}

export async function previewImport(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  file: UploadedFile,
  resolutions: Record<string, 'mine' | 'theirs'> = {},
): Promise<ImportPreview> {
  return (await analyse(db, actor, campaignId, organisationId, file, resolutions)).preview;
}

export interface ImportOutcome extends Omit<ImportPreview, 'canImport' | 'conflicts'> {
  revision: number;
  status: string;
}

/**
 * Applies a workbook as a new draft revision, merged against the revision recorded in it.
 * `expectedRevision` (If-Match) is the draft the caller previewed: when the draft has moved
 * since, 409, so what is applied is exactly what was shown. Refuses with every problem at
 * once; conflicting items need a resolution; a workbook that changes nothing writes no revision.
 */
export async function importWorkbook(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  expectedRevision: number,
  file: UploadedFile,
  resolutions: Record<string, 'mine' | 'theirs'> = {},
): Promise<ImportOutcome> {
  const { meta, content, preview } = await analyse(db, actor, campaignId, organisationId, file, resolutions);
  if (preview.currentRevision !== expectedRevision) throw staleVersion(preview.currentRevision);
  const blocking = preview.problems.filter((p) => p.blocks === 'import');
  if (blocking.length) throw importInvalid(blocking);
  const saved = await saveDraft(db, writerFor(actor), campaignId, organisationId, meta.revision, content, 'import', {
    expected: expectedRevision,
    skipUnchanged: true,
    resolutions,
  });
  const { canImport: _c, conflicts: _x, ...rest } = preview;
  return { ...rest, revision: saved.revision, status: saved.status, unchanged: saved.unchanged ?? false };
}

/** The campaign export as a stream; the workbook is written while it is sent. */
export async function campaignExport(db: Db, campaignId: string, onError: (err: unknown) => void): Promise<Readable> {
  const campaign = await findCampaign(db, campaignId);
  if (!campaign) throw campaignNotFound();
  const version = getVersion(campaign.questionnaireVersion);
  const out = new PassThrough();
  writeCampaignExport(version, (filter) => campaignRows(db, campaignId, filter), out).catch((err) => {
    onError(err);
    out.destroy(err as Error);
  });
  return out;
}
