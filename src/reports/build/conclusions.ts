// Chapter 2: the nine §14 headings, each with the experts' text (or, until they write
// one, the generated draft) and the tables and charts drawn from the facts. What goes
// under which point is reports/analysis-map.json; every figure shown in several places
// comes from indicators.ts; person counts are never added across subjects (persons.ts).
import { getVersion } from '../../domain/questionnaire/loader.js';
import { territorialRegionCodes } from '../../domain/reference.js';
import type { RankingResult } from '../../pipeline/results.js';
import {
  conclusionKeys,
  isSuppressed,
  type BarChart,
  type Chart,
  type ConclusionKey,
  type ConclusionSection,
  type LineChart,
  type ReportTable,
  type RiskLevel,
  type TableCell,
  type TableColumn,
} from '../report.view-model.js';
import { fill } from '../texts.js';
import { captions } from './captions.js';
import { sumByKey, type YearValues } from './facts.js';
import {
  indicatorDefs,
  indicatorRow,
  indicatorRows,
  indicatorValues,
  subjectRows,
  subjectRowsOfItems,
  type IndicatorKey,
} from './indicators.js';
import type { AssessmentInput } from './inputs.js';
import { paragraphsOf } from './narrative-keys.js';
import { namedSubjectTable, sideBySideTable } from './persons.js';
import { countTable } from './privacy.js';
import { breakdownTable, caption, indicatorTable, victimsNote, type BuildContext } from './tables.js';

const victimsBy = (dim: string) => new RegExp(`\\.(victims|minors)_by_${dim}$`);

/** Age bands of adults and minors merged: every minor's single-year band counts as under 18. */
export const ageDimensions = ['age_with_minor', 'age_adult', 'age_minor'];
export const mapAge = (dimension: string, category: string) =>
  dimension === 'age_minor' && category !== 'unknown' ? 'under_18' : category;

/**
 * Colour band of a region's evidence score (0-10, see the regional table's note):
 * the same quarters of the scale as the bar chart's legend.
 */
function evidenceLevel(evidence: number): RiskLevel {
  if (evidence >= 7.5) return 'critical';
  if (evidence >= 5) return 'high';
  if (evidence >= 2.5) return 'medium';
  return 'low';
}

/** Each subject's victim count, one row per subject type, side by side and never added up. */
const victimItems = [
  ['victims_mvd', 's2.q8.victims_total'],
  ['victims_social', 's3.q1.victims_total'],
  ['victims_education', 's6.q1.victims_total'],
  ['victims_health', 's9.q1.victims_total'],
  ['mid_victims', 's11.q1.victims_total'],
  ['victims_border', 's15.q1.victims_total'],
  ['victims_ngo', 's16.q1.victims_total'],
  ['victims_labour_minors', 's4.q2.minors_total'],
] as const;

function victimsBySubject(ctx: BuildContext): ReportTable {
  return indicatorTable(
    ctx,
    'victims_by_subject',
    'victims_by_subject',
    victimItems.flatMap(([key, item]) => subjectRows(ctx, key, item)),
  );
}

function indicators(ctx: BuildContext, id: string, keys: IndicatorKey[]): ReportTable {
  return indicatorTable(
    ctx,
    id,
    id,
    keys.flatMap((k) => indicatorRows(ctx, k)),
  );
}

function trendChart(ctx: BuildContext, table: ReportTable): LineChart {
  return {
    kind: 'line',
    id: 'trends',
    title: caption('trends', ctx.lang),
    categories: ctx.years.map(String),
    // Suppressed points are left out of the line rather than drawn at a value.
    series: table.rows.map((r) => ({
      label: String(r[0]),
      values: r.slice(1, 4).map((c: TableCell) => (typeof c === 'number' && !isSuppressed(c) ? c : null)),
    })),
  };
}

const formatYears = (v: readonly number[], years: readonly number[]) =>
  v.map((x, i) => `${x} (${years[i]})`).join(', ');

/**
 * A breakdown whose categories need not add up to the indicator of the same fact: its
 * total row is named the sum of the breakdown, and the note gives the indicator's figure.
 */
function anchored(ctx: BuildContext, table: ReportTable, key: IndicatorKey): ReportTable {
  const c = captions();
  const values = indicatorValues(ctx.index, key);
  const last = table.rows[table.rows.length - 1];
  if (!last) return table;
  const sums = last.slice(1, 4).map((x) => (typeof x === 'number' ? x : 0));
  const sumLabel = ctx.lang === 'kk' ? 'Бөлініс қосындысы' : 'Сумма разбивки';
  const rows = [...table.rows.slice(0, -1), [sumLabel, ...last.slice(1)]];
  if (sums.every((s, i) => s === values[i])) return { ...table, rows };
  const note = fill(c.anchorNote[ctx.lang], {
    indicator: c.indicators[key]![ctx.lang],
    question: indicatorDefs[key].question,
    values: formatYears(values, ctx.years),
    sums: formatYears(sums, ctx.years),
    reason: c.anchorReasons[table.id]?.[ctx.lang] ?? '',
  }).trim();
  return { ...table, rows, note: table.note ? `${note} ${table.note}` : note };
}

/** Share of subjects answering "yes" to each yes/no item of a question, by year. */
function yesShareTable(ctx: BuildContext, id: string, question: string, input: AssessmentInput): ReportTable {
  const c = captions();
  const version = getVersion(input.questionnaireVersion);
  const items = [...version.items.values()].filter((i) => i.question.id === question && i.item.kind === 'yes_no');
  const columns: TableColumn[] = [
    { key: 'item', label: c.indicator[ctx.lang], align: 'left', width: 4 },
    ...ctx.years.map((y): TableColumn => ({ key: `y${y}`, label: String(y), align: 'right', format: 'percent' })),
    { key: 'respondents', label: `${c.respondents[ctx.lang]}, ${ctx.years[2]}`, align: 'right', format: 'integer' },
  ];
  const rows = items
    .map((i) => {
      const code = i.item.id;
      const yes = [0, 0, 0];
      const all = [0, 0, 0];
      for (const f of ctx.index.item(i.item.id)) {
        const y = ctx.index.yearIndex(f.year);
        if (y < 0 || f.value === null) continue;
        all[y]++;
        yes[y] += f.value;
      }
      return { label: i.item.label[ctx.lang], yes, all, code };
    })
    .filter((r) => r.all.some((n) => n > 0))
    .sort((a, b) => b.yes[2] / Math.max(1, b.all[2]) - a.yes[2] / Math.max(1, a.all[2]));
  return {
    id,
    caption: caption(id, ctx.lang),
    columns,
    rows: rows.map((r) => [r.label, ...r.yes.map((n, y) => (r.all[y] ? n / r.all[y]! : null)), r.all[2]]),
    rowCodes: rows.map((r) => r.code),
    note:
      ctx.lang === 'kk'
        ? 'Үлес — осы сұраққа жауап берген ұйымдардың ішінде «иә» деп жауап бергендердің үлесі (ұйымдар бойынша, адамдар емес).'
        : 'Доля — доля организаций, ответивших «да», среди ответивших на вопрос (по организациям, а не по лицам).',
  };
}

/** The regional table (in ranking order, all 20 regions) and the ranked bar chart. */
function territory(ctx: BuildContext, ranking: RankingResult): { table: ReportTable; chart: BarChart } {
  const c = captions();
  const territorial = new Set<string>(territorialRegionCodes);
  const ranked = [...ranking.regions]
    .filter((r) => territorial.has(r.regionCode))
    .sort((a, b) => a.position - b.position);
  const listed = new Set(ranked.map((r) => r.regionCode));
  const all = [
    ...ranked,
    ...territorialRegionCodes
      .filter((code) => !listed.has(code))
      .map((regionCode) => ({ regionCode, rank: null, evidence: null })),
  ];
  // The police's count per region, like the key indicators: a sum over subjects would count one person several times.
  const item = indicatorDefs.victims_recognised.item;
  const victims = sumByKey(
    ctx.index,
    ctx.index.item(item).filter((f) => f.dimension === null),
    (f) => f.region,
  );
  const regionSums: YearValues = [0, 0, 0];
  for (const code of territorialRegionCodes) victims.get(code)?.forEach((v, y) => (regionSums[y] += v));
  const national = indicatorValues(ctx.index, 'victims_recognised');
  const differs = regionSums.some((v, y) => v !== national[y]);
  const base = countTable(
    {
      id: 'regions',
      caption: caption('regions', ctx.lang),
      firstLabel: c.region[ctx.lang],
      rows: all.map((r) => ({
        label: ctx.labels.region(r.regionCode),
        values: victims.get(r.regionCode) ?? [0, 0, 0],
        code: r.regionCode,
        slice: `region:${r.regionCode}`,
      })),
      years: ctx.years,
      lang: ctx.lang,
      victims: true,
      // The same count as the key indicator, by territorial region; the total row sums the regions shown.
      measure: 'victims_recognised',
      totalSlice: 'region:all',
      keepZeroRows: true,
    },
    ctx.privacy,
  );
  const evidenceNote =
    ctx.lang === 'kk'
      ? 'Деректер бойынша балл (0–10): өңірлік көрсеткіштердің (тіркелген қылмыстар, жәбірленушілер, арналар, мәжбүрлі еңбек, балаларға қатысты хабарламалар, 1-бөлімдегі тәуекелдер) өңірлер арасында 0-ден 10-ға дейін қалыпқа келтірілген орташа мәні; түсі: 0–2,5 төмен, 2,5–5 орташа, 5–7,5 жоғары, 7,5–10 өте жоғары.'
      : 'Балл по данным (0–10): среднее региональных показателей (зарегистрированные преступления, потерпевшие, каналы, принудительный труд, сообщения о детях, риски раздела 1), каждый приведен к шкале от 0 до 10 между регионами; цвет: 0–2,5 низкий, 2,5–5 средний, 5–7,5 высокий, 7,5–10 критический.';
  const regionsNote = differs
    ? fill(c.regionsNote[ctx.lang], {
        regions: formatYears(regionSums, ctx.years),
        national: formatYears(national, ctx.years),
      })
    : '';
  const sumLabel = ctx.lang === 'kk' ? 'Өңірлер бойынша қосынды' : 'Сумма по регионам';
  const table: ReportTable = {
    ...base,
    columns: [
      { key: 'rank', label: c.rank[ctx.lang], align: 'center', format: 'integer', width: 0.7 },
      base.columns[0]!,
      { key: 'evidence', label: c.evidence[ctx.lang], align: 'right', format: 'decimal1' },
      ...base.columns.slice(1),
    ],
    rows: base.rows.map((row, i) =>
      i < all.length
        ? [all[i]!.rank, row[0]!, all[i]!.evidence, ...row.slice(1)]
        : [null, sumLabel, null, ...row.slice(1)],
    ),
    note: [evidenceNote, regionsNote, victimsNote(ctx, { severalSubjects: false })].filter(Boolean).join(' '),
    ...(base.cellKeys ? { cellKeys: base.cellKeys.map((row) => [null, row[0]!, null, ...row.slice(1)]) } : {}),
  };
  const chart: BarChart = {
    kind: 'bar',
    id: 'regions_chart',
    title: caption('regions_chart', ctx.lang),
    valueLabel: c.evidence[ctx.lang],
    bars: all.map((r) => ({
      label: ctx.labels.region(r.regionCode),
      value: r.evidence ?? 0,
      level: evidenceLevel(r.evidence ?? 0),
    })),
  };
  return { table, chart };
}

/** Rows of an indicator table with data in some year; empty tables are listed once instead of drawn. */
const hasData = (t: ReportTable) =>
  t.rows.length > 0 &&
  t.rows.some((r) => r.some((c, i) => i > 0 && ((typeof c === 'number' && c !== 0) || isSuppressed(c))));

export function buildConclusions(
  ctx: BuildContext,
  input: AssessmentInput,
  drafts?: Partial<Record<ConclusionKey, string[]>>,
): ConclusionSection[] {
  const keyTable = indicators(ctx, 'key_indicators', ['victims_recognised', 'crimes_registered', 'channels']);
  const { table: regionsTable, chart: regionsChart } = territory(ctx, input.ranking);
  const bd = (id: string, items: RegExp, dims: string[], key: IndicatorKey) =>
    anchored(ctx, breakdownTable(ctx, { id, captionKey: id, items, dimensions: dims, victims: false }), key);
  const side = (id: string, dim: string, dims = [dim], mapCategory?: (d: string, c: string) => string) =>
    sideBySideTable(ctx, { id, captionKey: id, items: victimsBy(dim), dimensions: dims, mapCategory });
  const police = (id: string, item: string, dims: string[], mapCategory?: (d: string, c: string) => string) =>
    namedSubjectTable(ctx, {
      id,
      captionKey: id,
      items: new RegExp(`^${item.replace(/\./g, '\\.')}$`),
      dimensions: dims,
      mapCategory,
      subject: 'mvd',
      question: '2.8',
    });

  const parts: Record<ConclusionKey, { tables: ReportTable[]; charts: Chart[] }> = {
    sources: {
      tables: [
        yesShareTable(ctx, 'risks_reported', 's1.q1', input),
        yesShareTable(ctx, 'factors_reported', 's1.q2', input),
      ],
      charts: [],
    },
    nature: {
      tables: [
        keyTable,
        victimsBySubject(ctx),
        bd('crimes_by_form', /^s2\.q1\.crimes_by_form$/, ['trafficking_form'], 'crimes_registered'),
        side('exploitation_form', 'exploitation_form'),
        indicators(ctx, 'labour_exploitation', ['forced_labour_inspections', 'forced_labour_mobile_groups']),
      ],
      charts: [trendChart(ctx, keyTable)],
    },
    likelihood_by_territory: {
      tables: [
        regionsTable,
        indicators(ctx, 'abroad', [
          'mid_victims',
          'mid_returned',
          'return_certificates',
          'adopted_children_facts',
          'foreigners_requests',
          'victims_border',
          'citizens_left_abroad',
        ]),
        bd('channels_direction', /^s2\.q2\.channels_by_direction$/, ['channel_direction'], 'channels'),
        sideBySideTable(ctx, {
          id: 'destination_abroad',
          captionKey: 'destination_abroad',
          items: /^s5\.q1\.citizens_left_abroad_by_destination$/,
          dimensions: ['destination_abroad'],
        }),
      ],
      charts: [regionsChart],
    },
    consequences: {
      tables: [
        indicatorTable(ctx, 'consequences', 'consequences', [
          ...subjectRowsOfItems(ctx, 'victims_assisted', [
            's3.q1.victims_assisted',
            's6.q1.victims_assisted',
            's16.q1.victims_assisted',
          ]),
          ...subjectRows(ctx, 'victims_gobmp', 's9.q1.victims_gobmp'),
          indicatorRow(ctx, 'victims_compensated'),
          indicatorRow(ctx, 'protected_persons'),
          indicatorRow(ctx, 'compensation_amount'),
          indicatorRow(ctx, 'confiscated_amount'),
        ]),
      ],
      charts: [],
    },
    vulnerable_groups: {
      tables: [
        police('police_age', 's2.q8.victims_by_age', ['age_with_minor']),
        police('police_sex', 's2.q8.victims_by_sex', ['sex']),
        police('police_citizenship', 's2.q8.victims_by_citizenship', ['citizenship']),
        side('age', 'age', ageDimensions, mapAge),
        side('sex', 'sex'),
        side('citizenship', 'citizenship'),
        indicators(ctx, 'children_at_risk', [
          'children_received',
          'minors_illegal_labour',
          'abandoned_newborns',
          'domestic_workers_complaints',
        ]),
      ],
      charts: [],
    },
    schemes_and_methods: {
      tables: [
        bd('channels_scope', /^s2\.q2\.channels_by_scope$/, ['channel_scope'], 'channels'),
        indicators(ctx, 'schemes', ['money_laundering_cases', 'detained_citizens', 'detained_foreigners']),
        breakdownTable(ctx, {
          id: 'sites_blocked',
          captionKey: 'sites_blocked',
          items: /^s12\.q1\.sites_blocked_by_category$/,
          dimensions: ['illegal_content'],
          victims: false,
        }),
      ],
      charts: [],
    },
    recruitment_and_control: {
      tables: [
        indicators(ctx, 'online', [
          'resources_received',
          'reports_referred_mki',
          'reports_referred_mts',
          'reports_referred_mio',
        ]),
        breakdownTable(ctx, {
          id: 'online_by_subject',
          captionKey: 'online_by_subject',
          items: /^s12\.q4\.resources_by_subject$/,
          dimensions: ['referring_subject'],
          victims: false,
        }),
        sideBySideTable(ctx, {
          id: 'minors_exploitation_form',
          captionKey: 'minors_exploitation_form',
          items: /^s6\.q1\.victims_by_exploitation_form$/,
          dimensions: ['exploitation_form'],
        }),
      ],
      charts: [],
    },
    causes_and_conditions: {
      tables: [
        side('social_status', 'social_status'),
        indicators(ctx, 'impunity', ['cases_to_court', 'convicted_persons']),
      ],
      charts: [],
    },
    effective_prevention: {
      tables: [
        yesShareTable(ctx, 'measures_needed', 's1.q3', input),
        indicatorTable(ctx, 'prevention', 'prevention', [
          {
            key: 'publications',
            values: sumByKey(
              ctx.index,
              ctx.index.items(/\.publications$/).filter((f) => f.dimension === null),
              () => 'all',
            ).get('all') ?? [0, 0, 0],
            victims: false,
          },
          indicatorRow(ctx, 'commission_meetings'),
          indicatorRow(ctx, 'information_campaigns'),
        ]),
        indicators(ctx, 'demand', [
          'inspections',
          'forced_labour_inspections',
          'sites_blocked',
          'convicted_persons',
          'confiscated_amount',
        ]),
        sideBySideTable(ctx, {
          id: 'referral',
          captionKey: 'referral',
          items: /^s(3|6|9|11|16)\.q1\.referring_subjects$/,
          dimensions: ['referring_subject'],
        }),
      ],
      charts: [],
    },
  };
  const noData = captions().noDataTables[ctx.lang];
  return conclusionKeys.map((k) => {
    const written = paragraphsOf(input.narrative[`conclusions.${k}`]?.[ctx.lang]);
    const tables = parts[k].tables.filter(hasData);
    const empty = parts[k].tables.filter((t) => !hasData(t)).map((t) => `«${t.caption}»`);
    return {
      key: k,
      paragraphs: written.length ? written : (drafts?.[k] ?? []),
      draft: written.length === 0 && (drafts?.[k]?.length ?? 0) > 0,
      tables,
      charts: parts[k].charts,
      ...(empty.length ? { noData: fill(noData, { tables: empty.join(', ') }) } : {}),
    };
  });
}
