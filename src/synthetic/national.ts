// Deterministic, seeded synthetic national dataset: three reporting years of
// submissions from every kind of organisation in all 20 regions (plus national
// bodies, transport police, foreign missions and NGOs), with realistic missing-data
// reasons, late and absent submissions, and planted anomalies whose locations are
// returned. Plain data: loaded into a database by load.ts, used in memory by the bench.
import { getForm, type Form } from '../domain/questionnaire/forms.js';
import type { SubmissionContent } from '../domain/questionnaire/content.js';
import { territorialRegionCodes } from '../domain/reference.js';
import { reconciliationItemIds } from '../pipeline/quality/reconciliation.rules.js';
import type { PipelineCampaign, PipelineInput, PipelineSubmission } from '../pipeline/quality/types.js';
import { generateAnswers } from './answers.js';
import { coupleFlows, type CouplingSubmission } from './national.coupling.js';
import { plantAnomalies, type PlantedAnomaly } from './national.plants.js';
import { buildRoster, uuidFrom, type SyntheticOrganisation } from './national.roster.js';
import { alignEqualities, breakdownOf, ValueModel } from './national.values.js';
import { createRng } from './random.js';
import { repairRules } from './rule-repair.js';

export const NATIONAL_VERSION = '2024-10-order-849-410';

export interface NationalOptions {
  seed?: string | number;
  /** 1 = national size (about 320 organisations); grows the numerous kinds of bodies linearly. */
  scale?: number;
  startYear?: number;
  /** Plant anomalies (default true); false gives clean data. */
  plants?: boolean;
  /** Restrict the territorial regions (small test datasets); default all 20. */
  regions?: readonly string[];
  /** Share of organisations that do not submit in a year (default 0.02). */
  nonResponseRate?: number;
  /** Share of items explained by a missing-data reason, fixed per organisation (default 0.04). */
  missingRate?: number;
}

export interface SyntheticCampaign extends PipelineCampaign {
  requestDate: string;
}

export interface NationalDataset extends PipelineInput {
  seed: string;
  scale: number;
  years: number[];
  organisations: SyntheticOrganisation[];
  campaigns: SyntheticCampaign[];
  submissions: PipelineSubmission[];
  plants: PlantedAnomaly[];
}

interface Draft extends CouplingSubmission {
  year: number;
  k: number;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function contentFor(
  seed: string,
  form: Form,
  org: SyntheticOrganisation,
  year: number,
  k: number,
  last: boolean,
  model: ValueModel,
  missingRate: number,
): SubmissionContent {
  const texts = generateAnswers(form, { seed: `${seed}/answers/${org.id}/${year}`, missingRate: 0 });
  // Same stream every year: an organisation that does not collect an item says so every year.
  const miss = createRng(`${seed}/missing/${org.id}`);
  const late = createRng(`${seed}/late-missing/${org.id}/${year}`);
  // Full consistent values first, then missing reasons over them: a missing answer removes a
  // value but never changes the others (as when an agency does not collect one figure).
  const answers: SubmissionContent['answers'] = {};
  for (const item of form.items) {
    if (item.kind === 'count') answers[item.id] = { value: model.count(org, item.id, k) };
    else if (item.kind === 'amount') answers[item.id] = { value: Math.round(model.level(org, item.id, k) * 25_000) };
    else if (item.kind === 'breakdown')
      answers[item.id] = {
        value: breakdownOf(model.count(org, item.id, k), model.proportions(org.agencyType, item, form)),
      };
    else answers[item.id] = texts.answers[item.id]!;
  }
  const content: SubmissionContent = { answers };
  alignEqualities(form, content, model, org.agencyType);
  repairRules(form, content);
  for (const item of form.items) {
    const roll = miss.next();
    const reason = form.missingReasons[Math.floor(miss.next() * form.missingReasons.length)]!;
    if (reconciliationItemIds.has(item.id)) continue;
    const numeric = item.kind === 'count' || item.kind === 'amount' || item.kind === 'breakdown';
    if (roll < missingRate)
      answers[item.id] =
        reason.commentRequired || reason.code === 'other'
          ? { missingReason: reason.code, missingComment: 'Учёт по данному показателю в отчётном периоде не вёлся.' }
          : { missingReason: reason.code };
    else if (numeric && last && late.chance(0.015)) answers[item.id] = { missingReason: 'not_available_yet' };
  }
  return content;
}

export function generateNationalDataset(opts: NationalOptions = {}): NationalDataset {
  const seed = String(opts.seed ?? 'national');
  const scale = opts.scale ?? 1;
  const startYear = opts.startYear ?? 2025;
  const years = [startYear, startYear + 1, startYear + 2];
  const model = new ValueModel(seed);
  const organisations = buildRoster(seed, scale, opts.regions ?? territorialRegionCodes);
  const campaigns: SyntheticCampaign[] = years.map((year) => ({
    id: uuidFrom(`${seed}/campaign/${year}`),
    year,
    questionnaireVersion: NATIONAL_VERSION,
    requestDate: `${year + 1}-01-15`,
    deadline: `${year + 1}-02-15`,
    recipientIds: organisations.map((o) => o.id),
  }));
  const response = createRng(`${seed}/response`);
  const nonResponse = opts.nonResponseRate ?? 0.02;
  const didSubmit = new Set<string>();
  const drafts: Draft[] = [];
  for (const org of organisations) {
    const form = getForm(NATIONAL_VERSION, org.agencyType);
    years.forEach((year, k) => {
      // Non-respondents' figures still exist (and drive the coupled flows); they are just not submitted.
      if (!response.chance(nonResponse)) didSubmit.add(`${org.id}/${year}`);
      const content = contentFor(seed, form, org, year, k, k === years.length - 1, model, opts.missingRate ?? 0.04);
      drafts.push({ organisationId: org.id, agencyType: org.agencyType, region: org.region, form, content, year, k });
    });
  }
  for (const year of years) {
    const ofYear = drafts.filter((d) => d.year === year);
    const touched = coupleFlows(seed, year, ofYear, (s, itemId) =>
      model.level({ id: s.organisationId, agencyType: s.agencyType, region: s.region }, itemId, (s as Draft).k),
    );
    for (const s of touched) repairRules(s.form, s.content);
  }
  const submitted = (orgId: string, year: number) => didSubmit.has(`${orgId}/${year}`);
  const received = drafts.filter((d) => submitted(d.organisationId, d.year));
  const plants =
    opts.plants === false ? [] : plantAnomalies(createRng(`${seed}/plants`), years, organisations, received, submitted);

  const timing = createRng(`${seed}/timing`);
  const campaignOf = new Map(campaigns.map((c) => [c.year, c]));
  const submissions: PipelineSubmission[] = received.map((d) => {
    const c = campaignOf.get(d.year)!;
    const day = timing.chance(0.08) ? addDays(c.deadline, timing.int(1, 20)) : addDays(c.deadline, -timing.int(0, 25));
    return {
      id: uuidFrom(`${seed}/submission/${d.organisationId}/${d.year}`),
      campaignId: c.id,
      organisationId: d.organisationId,
      year: d.year,
      questionnaireVersion: NATIONAL_VERSION,
      agencyType: d.agencyType,
      revision: 1,
      status: 'accepted',
      submittedAt: `${day}T06:00:00.000Z`,
      content: d.content,
    };
  });
  return { seed, scale, years, organisations, campaigns, submissions, plants };
}
