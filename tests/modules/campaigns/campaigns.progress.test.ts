// Progress maths without a database: timeliness against the deadline (end of day,
// Kazakhstan time) and the roll-ups the progress board shows.
import { describe, expect, it } from 'vitest';
import {
  recipientProgress,
  rollupBy,
  timeliness,
  type RecipientState,
} from '../../../src/modules/campaigns/campaigns.progress.js';

const deadline = '2025-02-10';
const state = (over: Partial<RecipientState>): RecipientState => ({
  organisationId: 'o',
  nameKk: 'Ұйым',
  nameRu: 'Организация',
  agencyType: 'ngo',
  region: 'almaty',
  status: null,
  lastSavedAt: null,
  submittedAt: null,
  completeness: null,
  ...over,
});

describe('timeliness', () => {
  it('counts the whole deadline day in Kazakhstan time (UTC+5)', () => {
    expect(timeliness(deadline, new Date('2025-02-10T18:59:59Z'), new Date())).toBe('on_time');
    expect(timeliness(deadline, new Date('2025-02-10T19:00:01Z'), new Date())).toBe('late');
  });
  it('is pending before the deadline and overdue after it when nothing was submitted', () => {
    expect(timeliness(deadline, null, new Date('2025-02-10T12:00:00Z'))).toBe('pending');
    expect(timeliness(deadline, null, new Date('2025-02-11T12:00:00Z'))).toBe('overdue');
  });
});

describe('roll-ups', () => {
  it('groups by region and agency type with statuses, lateness and mean completeness', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    const rows = [
      state({
        organisationId: 'a',
        region: 'almaty',
        agencyType: 'ngo',
        status: 'submitted',
        submittedAt: new Date('2025-02-01T00:00:00Z'),
        completeness: { total: 10, answered: 8, explained: 2, empty: 0, byReason: {} },
      }),
      state({
        organisationId: 'b',
        region: 'almaty',
        agencyType: 'mvd',
        status: 'draft',
        completeness: { total: 10, answered: 3, explained: 2, empty: 5, byReason: {} },
      }),
      state({
        organisationId: 'c',
        region: 'astana',
        agencyType: 'ngo',
        status: 'accepted',
        submittedAt: new Date('2025-02-20T00:00:00Z'),
        completeness: { total: 4, answered: 4, explained: 0, empty: 0, byReason: {} },
      }),
      state({ organisationId: 'd', region: 'astana', agencyType: 'mvd' }),
    ].map((r) => recipientProgress(deadline, r, now));

    const byRegion = rollupBy(rows, (r) => r.region);
    expect(byRegion.map((r) => r.key)).toEqual(['almaty', 'astana']);
    expect(byRegion[0]).toMatchObject({
      recipients: 2,
      late: 0,
      overdue: 1,
      byStatus: { submitted: 1, draft: 1 },
      completeness: 0.75,
    });
    expect(byRegion[1]).toMatchObject({
      recipients: 2,
      late: 1,
      overdue: 1,
      byStatus: { accepted: 1, not_started: 1 },
      completeness: 1,
    });

    const byType = rollupBy(rows, (r) => r.agencyType);
    expect(byType.map((r) => [r.key, r.recipients, r.completeness])).toEqual([
      ['mvd', 2, 0.5],
      ['ngo', 2, 1],
    ]);
  });
});
