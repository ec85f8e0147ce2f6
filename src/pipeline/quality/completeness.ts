// Completeness roll-ups (answered / explained by reason / empty) per submission,
// organisation, section, agency type, region and year, and response rate and
// timeliness per campaign; plus the findings they imply.
import {
  completenessSummary,
  type CompletenessCounts,
  type CompletenessSummary,
} from '../../domain/questionnaire/completeness.js';
import { deadlineEnd } from '../../shared/dates.js';
import type { QualityContext } from './context.js';
import type { Finding, QualityParameters } from './types.js';

export interface RollupRow extends CompletenessCounts {
  key: string;
  submissions: number;
}

export interface SubmissionCompleteness extends CompletenessCounts {
  submissionId: string;
  organisationId: string;
  agencyType: string;
  region: string;
  year: number;
  status: string;
  sections: Array<CompletenessCounts & { number: number }>;
}

export interface CampaignResponse {
  campaignId: string;
  year: number;
  recipients: number;
  responded: number;
  responseRate: number;
  onTime: number;
  late: number;
  /** Share of responses received by the deadline. */
  timelinessRate: number | null;
}

export interface CompletenessReport {
  totals: CompletenessCounts;
  byOrganisation: RollupRow[];
  bySection: RollupRow[];
  byAgencyType: RollupRow[];
  byRegion: RollupRow[];
  byYear: RollupRow[];
  campaigns: CampaignResponse[];
  submissions: SubmissionCompleteness[];
}

const blank = (): CompletenessCounts => ({ total: 0, answered: 0, explained: 0, empty: 0, byReason: {} });

function add(into: CompletenessCounts, c: CompletenessCounts): void {
  into.total += c.total;
  into.answered += c.answered;
  into.explained += c.explained;
  into.empty += c.empty;
  for (const [r, n] of Object.entries(c.byReason)) into.byReason[r] = (into.byReason[r] ?? 0) + n;
}

class Rollup {
  private readonly rows = new Map<string, RollupRow>();
  add(key: string, c: CompletenessCounts, countSubmission = true): void {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { key, submissions: 0, ...blank() }));
    add(row, c);
    if (countSubmission) row.submissions++;
  }
  list(): RollupRow[] {
    return [...this.rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

export function completenessReport(
  ctx: QualityContext,
  params: QualityParameters,
  findings: Finding[],
): CompletenessReport {
  const totals = blank();
  const [byOrg, bySection, byType, byRegion, byYear] = [
    new Rollup(),
    new Rollup(),
    new Rollup(),
    new Rollup(),
    new Rollup(),
  ];
  const submissions: SubmissionCompleteness[] = [];
  for (const s of ctx.submissions) {
    const org = ctx.orgOf(s);
    const summary: CompletenessSummary = completenessSummary(s.content, ctx.formOf(s));
    const { total, answered, explained, empty, byReason } = summary;
    const counts = { total, answered, explained, empty, byReason };
    add(totals, counts);
    byOrg.add(s.organisationId, counts);
    byType.add(org.agencyType, counts);
    byRegion.add(org.region, counts);
    byYear.add(String(s.year), counts);
    for (const sec of summary.sections) bySection.add(`s${sec.number}`, sec);
    submissions.push({
      submissionId: s.id,
      organisationId: s.organisationId,
      agencyType: org.agencyType,
      region: org.region,
      year: s.year,
      status: s.status,
      ...counts,
      sections: summary.sections,
    });
    if (total > 0 && explained / total >= params.explainedShareInfo)
      findings.push({
        severity: 'info',
        code: 'completeness.mostly_explained',
        ruleId: null,
        itemId: null,
        organisationId: s.organisationId,
        submissionId: s.id,
        year: s.year,
        message: {
          kk: `Сауалнама тармақтарының ${pct(explained / total)} жауаптың орнына деректердің болмау себебімен толтырылған.`,
          ru: `${pct(explained / total)} пунктов анкеты заполнены причиной отсутствия данных вместо ответа.`,
        },
        details: { explained, total, byReason },
      });
  }

  const campaigns: CampaignResponse[] = [];
  const submittedBy = new Map(ctx.submissions.map((s) => [`${s.campaignId}/${s.organisationId}`, s]));
  for (const c of [...ctx.input.campaigns].sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1))) {
    const end = deadlineEnd(c.deadline).getTime();
    let responded = 0;
    let onTime = 0;
    for (const orgId of [...c.recipientIds].sort()) {
      const s = submittedBy.get(`${c.id}/${orgId}`);
      if (!s) {
        findings.push({
          severity: 'warning',
          code: 'completeness.not_submitted',
          ruleId: null,
          itemId: null,
          organisationId: orgId,
          submissionId: null,
          year: c.year,
          message: {
            kk: `${c.year} жылға арналған сауалнама ұсынылмаған немесе қабылданбаған.`,
            ru: `Анкета за ${c.year} год не представлена или не принята.`,
          },
          details: { campaignId: c.id },
        });
        continue;
      }
      responded++;
      if (s.submittedAt && new Date(s.submittedAt).getTime() <= end) onTime++;
      else
        findings.push({
          severity: 'info',
          code: 'completeness.late',
          ruleId: null,
          itemId: null,
          organisationId: orgId,
          submissionId: s.id,
          year: c.year,
          message: {
            kk: `Сауалнама белгіленген мерзімнен (${c.deadline}) кеш ұсынылған.`,
            ru: `Анкета представлена позже установленного срока (${c.deadline}).`,
          },
          details: { deadline: c.deadline, submittedAt: s.submittedAt },
        });
    }
    const recipients = c.recipientIds.length;
    campaigns.push({
      campaignId: c.id,
      year: c.year,
      recipients,
      responded,
      responseRate: recipients ? responded / recipients : 0,
      onTime,
      late: responded - onTime,
      timelinessRate: responded ? onTime / responded : null,
    });
  }
  return {
    totals,
    byOrganisation: byOrg.list(),
    bySection: bySection.list(),
    byAgencyType: byType.list(),
    byRegion: byRegion.list(),
    byYear: byYear.list(),
    campaigns,
    submissions,
  };
}
