// Campaign progress: per-recipient status and timeliness, rolled up by region and
// agency type. Pure: the service feeds it rows and the current time.
import { completionShare, type CompletenessCounts } from '../../domain/questionnaire/completeness.js';
import { deadlineEnd } from '../../shared/dates.js';
import type { RecipientProgress, Rollup } from './campaigns.schemas.js';

export type Completeness = CompletenessCounts;

export interface RecipientState {
  organisationId: string;
  nameKk: string;
  nameRu: string;
  agencyType: string;
  region: string;
  status: string | null;
  lastSavedAt: Date | null;
  submittedAt: Date | null;
  completeness: unknown;
}

export function timeliness(deadline: string, submittedAt: Date | null, now: Date): RecipientProgress['timeliness'] {
  const end = deadlineEnd(deadline);
  if (submittedAt) return submittedAt <= end ? 'on_time' : 'late';
  return now > end ? 'overdue' : 'pending';
}

export function recipientProgress(deadline: string, row: RecipientState, now: Date): RecipientProgress {
  return {
    organisationId: row.organisationId,
    name: { kk: row.nameKk, ru: row.nameRu },
    agencyType: row.agencyType,
    region: row.region,
    status: (row.status ?? 'not_started') as RecipientProgress['status'],
    lastSavedAt: row.lastSavedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    timeliness: timeliness(deadline, row.submittedAt, now),
    completeness: (row.completeness as Completeness | null) ?? null,
  };
}

export function rollup(key: string, rows: RecipientProgress[]): Rollup {
  const byStatus: Record<string, number> = { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };
  let late = 0;
  let overdue = 0;
  let shareSum = 0;
  let started = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.timeliness === 'late') late += 1;
    if (r.timeliness === 'overdue') overdue += 1;
    const share = completionShare(r.completeness);
    if (share !== null) {
      shareSum += share;
      started += 1;
    }
  }
  return { key, recipients: rows.length, byStatus, late, overdue, completeness: started ? shareSum / started : null };
}

/** The matrix of region x agency type: a roll-up per pair that has recipients. */
export function rollupCells(rows: RecipientProgress[]): (Rollup & { region: string; agencyType: string })[] {
  return rollupBy(rows, (r) => `${r.region}|${r.agencyType}`).map((c) => {
    const [region = '', agencyType = ''] = c.key.split('|');
    return { ...c, region, agencyType };
  });
}

export function rollupBy(rows: RecipientProgress[], keyOf: (r: RecipientProgress) => string): Rollup[] {
  const groups = new Map<string, RecipientProgress[]>();
  for (const r of rows) {
    const key = keyOf(r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => rollup(k, g));
}
