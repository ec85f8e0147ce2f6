// A synthetic assessment in memory (tests and the bench): the assessments module's
// synthetic national dataset (src/synthetic/national.ts) structured into facts, and
// synthetic expert scores aggregated and ranked by the pipeline.
import { forEachFact } from '../pipeline/structuring.js';
import { territorialRegionCodes } from '../domain/reference.js';
import { aggregateDelphi, heatMap, latestRounds, type ExpertScore } from '../pipeline/delphi.js';
import { kendallW } from '../pipeline/kendall.js';
import { rankRegions, rankRisks } from '../pipeline/ranking.js';
import { rankedRisk } from '../pipeline/ranking-result.js';
import type { RankingResult } from '../pipeline/results.js';
import type { PipelineInput } from '../pipeline/quality/types.js';
import { generateNationalDataset, type NationalDataset } from './national.js';
import { createRng, type Rng } from './random.js';
import type { AssessmentInput, Participation, RegisterRisk, TextAnswer } from '../reports/build/inputs.js';
import type { NumericFact } from '../pipeline/facts.js';
import { loadRegisterRisks } from '../reports/build/register.js';

export const SYNTHETIC_VERSION = '2024-10-order-849-410';
export const SYNTHETIC_REGISTER = '2024-v2';

/** Used only while the scoring module's register file does not exist. */
const fallbackRegister: RegisterRisk[] = [
  {
    code: 'recruitment_online',
    agencies: ['mvd', 'mki', 'border_service', 'mp'],
    title: {
      kk: 'Шетелде жұмысқа орналастыру сылтауымен әлеуметтік желілер арқылы арбау',
      ru: 'Вербовка через социальные сети под видом трудоустройства за рубежом',
    },
    measures: [
      {
        kk: 'Жұмысқа орналастыру туралы хабарландыруларға мониторинг жүргізу.',
        ru: 'Проводить мониторинг объявлений о трудоустройстве.',
      },
    ],
  },
  {
    code: 'forced_labour_migrants',
    agencies: ['mvd', 'labour_inspection', 'mtszn', 'border_service'],
    title: { kk: 'Еңбек мигранттарының мәжбүрлі еңбегі', ru: 'Принудительный труд трудовых мигрантов' },
    measures: [
      { kk: 'Жұмыс берушілерге бірлескен тексерулерді күшейту.', ru: 'Усилить совместные проверки работодателей.' },
    ],
  },
  {
    code: 'sexual_exploitation_minors',
    agencies: ['mvd', 'mp', 'education_org', 'mki'],
    title: { kk: 'Кәмелетке толмағандарды жыныстық пайдалану', ru: 'Сексуальная эксплуатация несовершеннолетних' },
    measures: [
      {
        kk: 'Мектептерде қауіпсіз интернет туралы сабақтар өткізу.',
        ru: 'Проводить в школах занятия о безопасном интернете.',
      },
    ],
  },
  {
    code: 'begging',
    agencies: ['mvd', 'mio', 'mtszn'],
    title: { kk: 'Қайыршылықта пайдалану', ru: 'Эксплуатация в попрошайничестве' },
    measures: [],
  },
  {
    code: 'interagency',
    agencies: ['mvd', 'mtszn', 'mio'],
    title: {
      kk: 'Ведомствоаралық өзара іс-қимылдың жеткіліксіздігі',
      ru: 'Недостаточное межведомственное взаимодействие',
    },
    measures: [],
  },
  {
    code: 'border_transit',
    agencies: ['border_service', 'mid', 'mvd'],
    title: { kk: 'Шекара арқылы құрбандарды әкету және транзит', ru: 'Вывоз и транзит жертв через границу' },
    measures: [
      { kk: 'Өткізу пункттерінде тәуекел белгілерін тексеру.', ru: 'Проверять признаки риска в пунктах пропуска.' },
    ],
  },
  {
    code: 'public_awareness',
    agencies: ['mki', 'mp', 'mio', 'ngo'],
    title: { kk: 'Халықтың хабардарлығының төмендігі', ru: 'Низкая осведомленность населения' },
    measures: [],
  },
  {
    code: 'health_victims',
    agencies: ['mz', 'health_org'],
    title: { kk: 'Медициналық ұйымдарда құрбандарды анықтамау', ru: 'Невыявление жертв в медицинских организациях' },
    measures: [],
  },
];

export function syntheticRegister(): RegisterRisk[] {
  const real = loadRegisterRisks(SYNTHETIC_REGISTER);
  return real.length ? real : fallbackRegister;
}

/** Expert scores around a per-risk centre, aggregated and ranked with the pipeline. */
export function syntheticRanking(register: readonly RegisterRisk[], experts: number, rng: Rng): RankingResult {
  const clamp = (x: number) => Math.min(5, Math.max(1, x));
  const scores: ExpertScore[] = [];
  for (const risk of register) {
    const l = rng.int(1, 5);
    const i = rng.int(2, 5);
    for (let e = 0; e < experts; e++)
      scores.push({
        riskCode: risk.code,
        expertId: `e${e}`,
        round: 1,
        likelihood: clamp(l + rng.int(-1, 1)),
        impact: clamp(i + rng.int(-1, 1)),
      });
  }
  const summaries = latestRounds(aggregateDelphi(scores));
  const ranked = rankRisks(
    summaries.map((s) => ({ riskCode: s.riskCode, score: s.score, evidence: Math.round(rng.next() * 100) / 10 })),
  );
  const byCode = new Map(summaries.map((s) => [s.riskCode, s]));
  const matrix = Array.from({ length: experts }, (_, e) =>
    register.map((r) => {
      const s = scores.find((x) => x.riskCode === r.code && x.expertId === `e${e}`)!;
      return s.likelihood * s.impact;
    }),
  );
  return {
    riskRegisterVersion: SYNTHETIC_REGISTER,
    round: 1,
    risks: ranked.map((r) => rankedRisk(r, byCode.get(r.riskCode)!)),
    regions: rankRegions(
      territorialRegionCodes.map((regionCode) => ({ regionCode, evidence: Math.round(rng.next() * 100) / 10 })),
    ),
    heatMap: heatMap(summaries),
    kendall: kendallW(matrix),
  };
}

export interface SyntheticOptions {
  seed?: number | string;
  /** Size of the national dataset (1 = national size, 10 = the bench's 10x). */
  scale?: number;
  startYear?: number;
  /** Restrict the territorial regions (small test datasets). */
  regions?: readonly string[];
  threshold?: number;
}

/** Recipients, respondents and timely submissions (by the end of the deadline day) of a dataset. */
export function datasetParticipation(data: PipelineInput): Participation {
  const deadline = new Map(data.campaigns.map((c) => [c.id, c.deadline]));
  const requested = new Set(data.campaigns.flatMap((c) => c.recipientIds));
  const timely = data.submissions.filter(
    (s) => s.submittedAt !== null && s.submittedAt.slice(0, 10) <= (deadline.get(s.campaignId) ?? ''),
  ).length;
  const byYear = data.campaigns
    .map((c) => ({
      year: c.year,
      requested: c.recipientIds.length,
      submitted: data.submissions.filter((s) => s.campaignId === c.id).length,
    }))
    .sort((a, b) => a.year - b.year);
  return {
    requested: requested.size,
    participating: new Set(data.submissions.map((s) => s.organisationId)).size,
    submissions: data.submissions.length,
    timely,
    byYear,
  };
}

/** Free-text answers of a dataset (answered texts and descriptions of yes answers). */
export function datasetTexts(data: PipelineInput): TextAnswer[] {
  const out: TextAnswer[] = [];
  forEachFact(data, (f) => {
    if (f.textValue !== null && f.missingReason === null && f.dimension === null)
      out.push({ year: f.year, itemId: f.itemId, agencyType: f.agencyType, region: f.region, text: f.textValue });
  });
  return out;
}

/** Facts of a dataset in the builder's shape (the assessments module's structuring step). */
export function datasetFacts(data: PipelineInput): NumericFact[] {
  const facts: NumericFact[] = [];
  forEachFact(data, (f) =>
    facts.push({
      year: f.year,
      organisationId: f.organisationId,
      agencyType: f.agencyType,
      region: f.region,
      itemId: f.itemId,
      dimension: f.dimension,
      category: f.category,
      value: f.value,
      missingReason: f.missingReason,
    }),
  );
  return facts;
}

export function syntheticDataset(opts: SyntheticOptions = {}): NationalDataset {
  return generateNationalDataset({
    seed: opts.seed ?? 1,
    scale: opts.scale ?? 1,
    startYear: opts.startYear ?? 2022,
    ...(opts.regions ? { regions: opts.regions } : {}),
  });
}

export function syntheticAssessmentInput(opts: SyntheticOptions = {}): AssessmentInput {
  const data = syntheticDataset(opts);
  const years = data.years as [number, number, number];
  const register = syntheticRegister();
  const rng = createRng(`ranking:${String(opts.seed ?? 1)}`);
  return {
    id: `synthetic-${String(opts.seed ?? 1)}`,
    years,
    coordinatingBody: 'mvd',
    finalisedAt: '2025-03-14T09:30:00.000Z',
    suppressionThreshold: opts.threshold ?? 10,
    questionnaireVersion: SYNTHETIC_VERSION,
    references: [
      { id: 'unodc-2024', type: 'un', title: 'UNODC Global Report on Trafficking in Persons', year: 2024 },
      {
        id: 'osce-2023',
        type: 'osce',
        title:
          'OSCE Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings, annual report',
        year: 2023,
      },
      {
        id: 'tip-2024',
        type: 'international_org',
        title: 'U.S. Department of State, Trafficking in Persons Report: Kazakhstan',
        year: 2024,
      },
    ],
    participation: datasetParticipation(data),
    facts: datasetFacts(data),
    texts: datasetTexts(data),
    findings: [
      { severity: 'warning', code: 'consistency.sum', count: 3 },
      { severity: 'info', code: 'outlier.temporal', count: 5 },
    ],
    ranking: syntheticRanking(register, 7, rng),
    register,
    narrative: {
      description: {
        kk: 'Сарапшылар тобы деректерді жан-жақты талдады.',
        ru: 'Экспертная группа всесторонне проанализировала данные.',
      },
      'conclusions.nature': {
        kk: 'Адам саудасының негізгі нысаны — еңбек қанауы. Әйелдер мен қыздар ерекше қорғалуы тиіс.',
        ru: 'Основная форма торговли людьми — трудовая эксплуатация.',
      },
    },
  };
}
