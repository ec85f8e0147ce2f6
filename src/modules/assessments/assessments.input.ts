// Loads an assessment's pipeline input (campaigns, recipients, organisations, drawn-on
// submissions with or without their content) and its canonical input hash: the submission ids and
// revisions, the campaigns with their recipients and deadlines, and the parameters.
import type { SubmissionStatus } from '../../domain/states.js';
import type { DbOrTx } from '../../db/client.js';
import type { PipelineInput, PipelineSubmission } from '../../pipeline/quality/types.js';
import { sha256 } from './assessments.hash.js';
import {
  campaignIdsOf,
  findCampaigns,
  organisationsOfCampaigns,
  recipientsOf,
  drawnSubmissions,
  submissionContents,
  type AssessmentRow,
} from './assessments.repository.js';

/**
 * The input of the steps. `content: false` leaves every submission's content null, for a step that
 * reads it in batches (withContents) so that a national dataset's answers are never held at once.
 */
export async function loadPipelineInput(
  db: DbOrTx,
  a: AssessmentRow,
  { content = true }: { content?: boolean } = {},
): Promise<PipelineInput> {
  const ids = (await campaignIdsOf(db, [a.id])).get(a.id)!;
  const campaignRows = await findCampaigns(db, { ids });
  const recipients = await recipientsOf(db, ids);
  const organisations = await organisationsOfCampaigns(db, ids);
  const statuses: SubmissionStatus[] = a.includeSubmitted ? ['accepted', 'submitted'] : ['accepted'];
  const subs = await drawnSubmissions(db, ids, statuses, content);
  const yearOf = new Map(campaignRows.map((c) => [c.id, c.reportingYear]));
  return {
    organisations,
    campaigns: campaignRows.map((c) => ({
      id: c.id,
      year: c.reportingYear,
      questionnaireVersion: c.questionnaireVersion,
      deadline: c.deadline,
      recipientIds: recipients.filter((r) => r.campaignId === c.id).map((r) => r.organisationId),
    })),
    submissions: subs.map((s) => ({
      id: s.id,
      campaignId: s.campaignId,
      organisationId: s.organisationId,
      year: yearOf.get(s.campaignId)!,
      questionnaireVersion: s.questionnaireVersion,
      agencyType: s.agencyType,
      revision: s.revision,
      status: s.status as 'accepted' | 'submitted',
      submittedAt: s.submittedAt?.toISOString() ?? null,
      content: s.content,
    })),
  };
}

/** The submissions with their content, read in one query (in the caller's snapshot). */
export async function withContents(db: DbOrTx, batch: readonly PipelineSubmission[]): Promise<PipelineSubmission[]> {
  const contents = await submissionContents(
    db,
    batch.map((s) => s.id),
  );
  return batch.map((s) => ({ ...s, content: contents.get(s.id) ?? null }));
}

/** Hash of what a step's result depends on; content is identified by (submission id, revision). */
export function inputHash(step: string, input: PipelineInput, parameters: Record<string, unknown>): string {
  return sha256({
    step,
    parameters,
    campaigns: [...input.campaigns]
      .sort((x, y) => (x.id < y.id ? -1 : 1))
      .map((c) => ({
        id: c.id,
        year: c.year,
        version: c.questionnaireVersion,
        deadline: c.deadline,
        recipients: [...c.recipientIds].sort(),
      })),
    organisations: [...input.organisations]
      .sort((x, y) => (x.id < y.id ? -1 : 1))
      .map((o) => [o.id, o.agencyType, o.region]),
    submissions: [...input.submissions]
      .sort((x, y) => (x.id < y.id ? -1 : 1))
      .map((s) => [s.id, s.revision, s.status, s.submittedAt]),
  });
}
