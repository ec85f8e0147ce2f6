// Chapter 2: the nine §14 headings, each with the experts' text and the tables and
// charts drawn from the facts.
import { territorialRegionCodes } from '../../domain/reference.js';
import type { RankingResult } from '../../pipeline/results.js';
import { conclusionKeys, isSuppressed, type BarChart, type Chart, type ConclusionKey, type ConclusionSection, type LineChart, type ReportTable, type RiskLevel, type TableCell } from '../report.view-model.js';
import { captions } from './captions.js';
import { sumByKey, yearTotals } from './facts.js';
import type { AssessmentInput } from './inputs.js';
import { paragraphsOf } from './narrative-keys.js';
import { countTable } from './privacy.js';
import { breakdownTable, caption, indicatorTable, victimsNote, type BuildContext } from './tables.js';

const victimsBy = (dim: string) => new RegExp(`\\.(victims|minors)_by_${dim}$`);

/** Age bands of adults and minors merged: every minor's single-year band counts as under 18. */
export const ageDimensions = ['age_with_minor', 'age_adult', 'age_minor'];
export const mapAge = (dimension: string, category: string) => (dimension === 'age_minor' && category !== 'unknown' ? 'under_18' : category);

function evidenceLevel(evidence: number): RiskLevel {
  if (evidence >= 7.5) return 'critical';
  if (evidence >= 5) return 'high';
  if (evidence >= 2.5) return 'medium';
  return 'low';
}

/**
 * Each subject's victim count, side by side and never added up: one person is often
 * counted by the police, a shelter, a hospital and an NGO alike, so a sum would
 * overstate the number of victims several times over.
 */
const victimSources = [
  ['victims_mvd', /^s2\.q8\.victims_total$/],
  ['victims_social', /^s3\.q1\.victims_total$/],
  ['victims_education', /^s6\.q1\.victims_total$/],
  ['victims_health', /^s9\.q1\.victims_total$/],
  ['mid_victims', /^s11\.q1\.victims_total$/],
  ['victims_border', /^s15\.q1\.victims_total$/],
  ['victims_ngo', /^s16\.q1\.victims_total$/],
] as const;
/** Persons recognised as victims in criminal cases: the one national figure. */
const policeVictims = victimSources[0];

const victimRow = (ctx: BuildContext) => ([key, items]: (typeof victimSources)[number]) => ({ key, values: yearTotals(ctx.index, items), victims: true });

function victimsBySubject(ctx: BuildContext): ReportTable {
  return indicatorTable(ctx, 'victims_by_subject', 'victims_by_subject', victimSources.map(victimRow(ctx)));
}

function keyIndicators(ctx: BuildContext) {
  return [
    victimRow(ctx)(policeVictims),
    { key: 'crimes_registered', values: yearTotals(ctx.index, /^s2\.q1\.crimes_registered$/), victims: false },
    { key: 'channels', values: yearTotals(ctx.index, /^s2\.q2\.channels_total$/), victims: false },
  ];
}

function trendChart(ctx: BuildContext, table: ReportTable): LineChart {
  return {
    kind: 'line',
    id: 'trends',
    title: caption('trends', ctx.lang),
    categories: ctx.years.map(String),
    // Suppressed points are left out of the line rather than drawn at a value.
    series: table.rows.map((r) => ({ label: String(r[0]), values: r.slice(1, 4).map((c: TableCell) => (typeof c === 'number' && !isSuppressed(c) ? c : null)) })),
  };
}

/** The regional table (in ranking order, all 20 regions) and the ranked bar chart. */
function territory(ctx: BuildContext, ranking: RankingResult): { table: ReportTable; chart: BarChart } {
  const c = captions();
  const territorial = new Set<string>(territorialRegionCodes);
  const ranked = [...ranking.regions].filter((r) => territorial.has(r.regionCode)).sort((a, b) => a.position - b.position);
  const listed = new Set(ranked.map((r) => r.regionCode));
  const all = [...ranked, ...territorialRegionCodes.filter((code) => !listed.has(code)).map((regionCode) => ({ regionCode, rank: null, evidence: null }))];
  // The police's count per region, like the key indicators: a sum over subjects would count one person several times.
  const victims = sumByKey(ctx.index, ctx.index.items(policeVictims[1]).filter((f) => f.dimension === null), (f) => f.region);
  const base = countTable(
    {
      id: 'regions',
      caption: caption('regions', ctx.lang),
      firstLabel: c.region[ctx.lang],
      rows: all.map((r) => ({ label: ctx.labels.region(r.regionCode), values: victims.get(r.regionCode) ?? [0, 0, 0], slice: `region:${r.regionCode}` })),
      years: ctx.years,
      lang: ctx.lang,
      victims: true,
      // The same count as the key indicator, by territorial region; the total row sums the regions shown.
      measure: policeVictims[0],
      totalSlice: 'region:all',
      keepZeroRows: true,
      note: victimsNote(ctx, { severalSubjects: false }),
    },
    ctx.privacy,
  );
  const table: ReportTable = {
    ...base,
    columns: [
      { key: 'rank', label: c.rank[ctx.lang], align: 'center', format: 'integer', width: 0.7 },
      base.columns[0],
      { key: 'evidence', label: c.evidence[ctx.lang], align: 'right', format: 'decimal1' },
      ...base.columns.slice(1),
    ],
    rows: base.rows.map((row, i) => (i < all.length ? [all[i].rank, row[0], all[i].evidence, ...row.slice(1)] : [null, row[0], null, ...row.slice(1)])),
    ...(base.cellKeys ? { cellKeys: base.cellKeys.map((row) => [null, row[0], null, ...row.slice(1)]) } : {}),
  };
  const chart: BarChart = {
    kind: 'bar',
    id: 'regions_chart',
    title: caption('regions_chart', ctx.lang),
    valueLabel: c.evidence[ctx.lang],
    bars: all.map((r) => ({ label: ctx.labels.region(r.regionCode), value: r.evidence ?? 0, level: evidenceLevel(r.evidence ?? 0) })),
  };
  return { table, chart };
}

export function buildConclusions(ctx: BuildContext, input: AssessmentInput): ConclusionSection[] {
  const key = keyIndicators(ctx);
  const keyTable = indicatorTable(ctx, 'key_indicators', 'key_indicators', key);
  const orgsByAgency = new Map<string, Set<string>[]>();
  for (const f of ctx.index.facts) {
    const y = ctx.index.yearIndex(f.year);
    if (y < 0) continue;
    let sets = orgsByAgency.get(f.agencyType);
    if (!sets) orgsByAgency.set(f.agencyType, (sets = [new Set(), new Set(), new Set()]));
    sets[y].add(f.organisationId);
  }
  const sourcesTable = countTable(
    {
      id: 'sources_by_agency',
      caption: caption('sources_by_agency', ctx.lang),
      firstLabel: captions().agencyType[ctx.lang],
      rows: [...orgsByAgency].map(([code, sets]) => ({ label: ctx.labels.agency(code).name, values: sets.map((s) => s.size) as [number, number, number] })),
      years: ctx.years,
      lang: ctx.lang,
      victims: false,
    },
    ctx.privacy,
  );
  // Organisations answer once a year; the total column would count one twice, so it is dropped.
  sourcesTable.columns.pop();
  sourcesTable.rows = sourcesTable.rows.map((r) => r.slice(0, -1));
  const { table: regionsTable, chart: regionsChart } = territory(ctx, input.ranking);

  const parts: Record<ConclusionKey, { tables: ReportTable[]; charts: Chart[] }> = {
    sources: { tables: [sourcesTable], charts: [] },
    nature: {
      tables: [keyTable, victimsBySubject(ctx), breakdownTable(ctx, { id: 'crimes_by_form', captionKey: 'crimes_by_form', items: /^s2\.q1\.crimes_by_form$/, dimensions: ['trafficking_form'], victims: false })],
      charts: [trendChart(ctx, keyTable)],
    },
    likelihood_by_territory: { tables: [regionsTable], charts: [regionsChart] },
    consequences: {
      tables: [
        indicatorTable(ctx, 'consequences', 'consequences', [
          { key: 'victims_assisted', values: yearTotals(ctx.index, /\.victims_assisted$/), victims: true },
          { key: 'victims_compensated', values: yearTotals(ctx.index, /^s2\.q12\.victims_compensated$/), victims: true },
        ]),
      ],
      charts: [],
    },
    vulnerable_groups: {
      tables: [
        breakdownTable(ctx, { id: 'citizenship', captionKey: 'citizenship', items: victimsBy('citizenship'), dimensions: ['citizenship'], victims: true }),
        indicatorTable(ctx, 'foreign_missions', 'foreign_missions', [
          { key: 'mid_victims', values: yearTotals(ctx.index, /^s11\.q1\.victims_total$/), victims: true },
          { key: 'mid_returned', values: yearTotals(ctx.index, /^s11\.q1\.victims_assisted_return$/), victims: true },
          { key: 'return_certificates', values: yearTotals(ctx.index, /^s11\.q2\.return_certificates_total$/), victims: true },
        ]),
        breakdownTable(ctx, { id: 'age', captionKey: 'age', items: victimsBy('age'), dimensions: ageDimensions, mapCategory: mapAge, victims: true }),
        breakdownTable(ctx, { id: 'sex', captionKey: 'sex', items: victimsBy('sex'), dimensions: ['sex'], victims: true }),
      ],
      charts: [],
    },
    schemes_and_methods: {
      tables: [
        breakdownTable(ctx, { id: 'exploitation_form', captionKey: 'exploitation_form', items: victimsBy('exploitation_form'), dimensions: ['exploitation_form'], victims: true }),
        breakdownTable(ctx, { id: 'channels_direction', captionKey: 'channels_direction', items: /^s2\.q2\.channels_by_direction$/, dimensions: ['channel_direction'], victims: false }),
        breakdownTable(ctx, { id: 'channels_scope', captionKey: 'channels_scope', items: /^s2\.q2\.channels_by_scope$/, dimensions: ['channel_scope'], victims: false }),
      ],
      charts: [],
    },
    recruitment_and_control: {
      tables: [
        breakdownTable(ctx, { id: 'referring_subjects', captionKey: 'referring_subjects', items: /\.referring_subjects$/, dimensions: ['referring_subject'], victims: true, measure: 'referring_subjects' }),
        breakdownTable(ctx, { id: 'sites_blocked', captionKey: 'sites_blocked', items: /^s12\.q1\.sites_blocked_by_category$/, dimensions: ['illegal_content'], victims: false }),
      ],
      charts: [],
    },
    causes_and_conditions: {
      tables: [
        breakdownTable(ctx, { id: 'social_status', captionKey: 'social_status', items: victimsBy('social_status'), dimensions: ['social_status'], victims: true }),
        breakdownTable(ctx, { id: 'destination_abroad', captionKey: 'destination_abroad', items: /^s5\.q1\.citizens_left_abroad_by_destination$/, dimensions: ['destination_abroad'], victims: false }),
      ],
      charts: [],
    },
    effective_prevention: {
      tables: [
        indicatorTable(ctx, 'prevention', 'prevention', [
          { key: 'publications', values: yearTotals(ctx.index, /\.publications$/), victims: false },
          { key: 'commission_meetings', values: yearTotals(ctx.index, /^s14\.q1\.commission_meetings$/), victims: false },
          { key: 'inspections', values: yearTotals(ctx.index, /^s4\.q1\.inspections_total$/), victims: false },
          { key: 'information_campaigns', values: yearTotals(ctx.index, /^s15\.q3\.information_campaigns$/), victims: false },
        ]),
      ],
      charts: [],
    },
  };
  return conclusionKeys.map((k) => ({ key: k, paragraphs: paragraphsOf(input.narrative[`conclusions.${k}`]?.[ctx.lang]), ...parts[k] }));
}
