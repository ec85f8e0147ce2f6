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
import { completenessSummary, getValidator, isBlocking } from '../../domain/questionnaire/validation.js';
import { getSubmission, saveDraft } from '../submissions/submissions.service.js';
import { importInvalid, wrongTarget, type Problem } from './excel.errors.js';
import { writeCampaignExport } from './excel.export.js';
import { issueProblem, parseTemplate, readContent } from './excel.import.js';
import { campaignRows } from './excel.repository.js';
import { buildTemplate } from './excel.template.js';

export async function templateFor(db: Db, actor: Actor, campaignId: string, organisationId: string): Promise<{ bytes: Buffer; revision: number }> {
  const view = await getSubmission(db, actor, campaignId, organisationId);
  const org = await findOrganisation(db, organisationId);
  const bytes = await buildTemplate({
    form: getForm(view.questionnaireVersion, view.agencyType),
    campaignId,
    organisationId,
    organisationName: { kk: org?.nameKk ?? organisationId, ru: org?.nameRu ?? organisationId },
    revision: view.revision,
    content: view.content,
  });
  return { bytes, revision: view.revision };
}

export interface ImportOutcome {
  revision: number;
  status: string;
  imported: { answered: number; explained: number; empty: number };
  /** Non-blocking findings (breakdown sums, rules) located by cell. */
  warnings: Problem[];
}

/** Reads a filled template and saves it as a new draft revision; refuses with every problem at once. */
export async function importWorkbook(db: Db, actor: Actor, campaignId: string, organisationId: string, expectedRevision: number, bytes: Buffer): Promise<ImportOutcome> {
  const parsed = await parseTemplate(bytes);
  const view = await getSubmission(db, actor, campaignId, organisationId);
  const { meta } = parsed;
  if (meta.organisationId !== organisationId) throw wrongTarget('organisationId', organisationId, meta.organisationId);
  if (meta.campaignId !== campaignId) throw wrongTarget('campaignId', campaignId, meta.campaignId);
  const form = getForm(view.questionnaireVersion, view.agencyType);
  if (meta.questionnaireVersion !== view.questionnaireVersion || meta.contentHash !== form.version.contentHash)
    throw wrongTarget('questionnaireVersion', view.questionnaireVersion, meta.questionnaireVersion);

  const { content, problems, locate } = readContent(parsed, form);
  const issues = getValidator(view.questionnaireVersion, view.agencyType, 'draft').validate(content).issues;
  problems.push(...issues.filter((i) => isBlocking(i, 'draft')).map((i) => issueProblem(i, locate)));
  if (problems.length) throw importInvalid(problems);

  const saved = await saveDraft(db, writerFor(actor), campaignId, organisationId, expectedRevision, content, 'import');
  const { answered, explained, empty } = completenessSummary(content, form);
  return {
    revision: saved.revision,
    status: saved.status,
    imported: { answered, explained, empty },
    warnings: issues.filter((i) => !isBlocking(i, 'draft')).map((i) => issueProblem(i, locate)),
  };
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
