// Loads a synthetic national dataset into a database: organisations, the yearly
// campaigns (closed, collection over) with their recipients, and the submissions as
// accepted, each with one revision holding its content. Bulk inserts in batches, in
// one transaction. The submissions repository only has single-row writes for the
// API's lifecycle, so the bulk insert of submissions/revisions is this local adapter.
import type { Db, DbOrTx } from '../db/client.js';
import type { StoredContent } from '../domain/questionnaire/content.js';
import { organisations, submissionRevisions, submissions } from '../db/schema.js';
import { insertCampaign, replaceRecipients } from '../modules/campaigns/campaigns.repository.js';
import { completenessSummary } from '../domain/questionnaire/completeness.js';
import { getForm } from '../domain/questionnaire/forms.js';
import type { NationalDataset } from './national.js';

export interface LoadResult {
  organisations: number;
  campaigns: number;
  submissions: number;
}

async function batches<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function insertAll(tx: DbOrTx, data: NationalDataset): Promise<void> {
  // The roster lists head offices first, so parents exist before their units.
  await batches(data.organisations, 1000, (chunk) => tx.insert(organisations).values(chunk));
  for (const c of data.campaigns) {
    await insertCampaign(tx, {
      id: c.id,
      reportingYear: c.year,
      questionnaireVersion: c.questionnaireVersion,
      requestDate: c.requestDate,
      deadline: c.deadline,
      status: 'closed',
    });
    await replaceRecipients(tx, c.id, [...c.recipientIds]);
  }
  const rows = data.submissions.map((s) => {
    const { total, answered, explained, empty, byReason } = completenessSummary(
      s.content,
      getForm(s.questionnaireVersion, s.agencyType),
    );
    const submittedAt = s.submittedAt ? new Date(s.submittedAt) : null;
    return {
      id: s.id,
      campaignId: s.campaignId,
      organisationId: s.organisationId,
      questionnaireVersion: s.questionnaireVersion,
      agencyType: s.agencyType,
      status: s.status,
      revision: s.revision,
      completeness: { total, answered, explained, empty, byReason },
      firstSavedAt: submittedAt ?? new Date(0),
      lastSavedAt: submittedAt ?? new Date(0),
      submittedAt,
      acceptedAt: s.status === 'accepted' ? submittedAt : null,
    };
  });
  await batches(rows, 1000, (chunk) => tx.insert(submissions).values(chunk));
  await batches(data.submissions, 200, (chunk) =>
    tx.insert(submissionRevisions).values(
      chunk.map((s) => ({
        submissionId: s.id,
        revision: s.revision,
        action: 'import' as const,
        status: s.status,
        content: s.content as StoredContent,
        savedAt: s.submittedAt ? new Date(s.submittedAt) : new Date(0),
      })),
    ),
  );
}

/** Inserts the dataset (the database must have the reference data seeded). */
export async function loadNationalDataset(db: Db, data: NationalDataset): Promise<LoadResult> {
  await db.transaction((tx) => insertAll(tx, data));
  return {
    organisations: data.organisations.length,
    campaigns: data.campaigns.length,
    submissions: data.submissions.length,
  };
}
