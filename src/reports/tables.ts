// Tables derived from the view model and the fixed texts; shared by the PDF and XLSX
// renderers so both show exactly the same figures.
import { captions } from './build/captions.js';
import type {
  Description,
  HeatMap,
  RankedRisk,
  Recommendation,
  ReportTable,
  ReportViewModel,
  TableColumn,
} from './report.view-model.js';
import { fill, type ReportTexts } from './texts.js';

export function participationTable(d: Description, t: ReportTexts): ReportTable {
  const x = t.description;
  return {
    id: 'participation',
    caption: x.ratesCaption,
    columns: [
      { key: 'indicator', label: x.indicator, align: 'left', width: 3 },
      { key: 'value', label: x.value, align: 'right', format: 'percent' },
    ],
    rows: [
      [x.responseRate, d.rates.response],
      // "Ever answered" reads as 100 % while some subjects miss a year: the rate of each year is given too.
      ...(d.responseByYear ?? []).map((y) => [
        fill(captions().responseYear[t.language], y),
        y.requested ? y.submitted / y.requested : null,
      ]),
      [d.rates.term === 'custom' ? captions().timelinessByRequest[t.language] : x.timeliness, d.rates.timeliness],
      [x.completeness, d.rates.completeness],
    ],
  };
}

export function scalesTable(d: Description, t: ReportTexts): ReportTable {
  const x = t.description;
  const { likelihoodScale: l, impactScale: i } = d.method;
  return {
    id: 'scales',
    caption: x.scalesCaption,
    columns: [
      { key: 'value', label: x.scaleValue, align: 'center', format: 'integer', width: 0.6 },
      { key: 'likelihood', label: x.likelihood, align: 'left', width: 3 },
      { key: 'impact', label: x.impact, align: 'left', width: 3 },
    ],
    rows: l.map((step, n) => [
      step.value,
      `${step.label}: ${step.description}`,
      i[n] ? `${i[n].label}: ${i[n].description}` : null,
    ]),
  };
}

export function levelBandsTable(d: Description, t: ReportTexts): ReportTable {
  return {
    id: 'level_bands',
    caption: t.description.bandsCaption,
    columns: [
      { key: 'level', label: t.description.level, align: 'left' },
      { key: 'range', label: t.description.scoreRange, align: 'center' },
    ],
    rows: d.method.levelBands.map((b) => [t.levels[b.level], `${b.min}–${b.max}`]),
  };
}

export function riskTable(id: string, caption: string, risks: RankedRisk[], t: ReportTexts): ReportTable {
  const c = t.columns;
  const num = (key: string, label: string, format: TableColumn['format']): TableColumn => ({
    key,
    label,
    align: 'right',
    format,
    width: 0.75,
  });
  return {
    id,
    caption,
    columns: [
      // Widths: the risk's title gets what the one-word and number columns do not need.
      { key: 'rank', label: c.rank, align: 'center', format: 'integer', width: 0.65 },
      { key: 'risk', label: c.risk, align: 'left', width: 3.9 },
      num('likelihood', c.likelihood, 'decimal1'),
      num('impact', c.impact, 'decimal1'),
      { ...num('score', c.score, 'decimal1'), width: 0.85 },
      { key: 'level', label: c.level, align: 'left', width: 1.45 },
      num('iqr_likelihood', c.iqrLikelihood, 'decimal1'),
      num('iqr_impact', c.iqrImpact, 'decimal1'),
      { key: 'agreement', label: c.consensus, align: 'right', format: 'percent', width: 1.05 },
    ],
    rows: risks.map((r) => [
      r.rank,
      r.title,
      r.likelihood,
      r.impact,
      r.score,
      t.levels[r.level],
      r.iqrLikelihood,
      r.iqrImpact,
      r.agreement ?? null,
    ]),
    note: captions().agreementNote[t.language],
    rowCodes: risks.map((r) => r.id),
  };
}

const RISK_AREA_COLUMNS: Record<string, number> = {
  rank: 0.7,
  risk: 6,
  likelihood: 0.7,
  impact: 0.7,
  score: 0.9,
  level: 1.5,
};

/** A profile's risk area: rank, risk, L, I, score and level; the experts' spread and agreement are in Annex 1. */
export function riskAreaTable(id: string, caption: string, risks: RankedRisk[], t: ReportTexts): ReportTable {
  const full = riskTable(id, caption, risks, t);
  const kept = full.columns.flatMap((col, i) => (col.key in RISK_AREA_COLUMNS ? [i] : []));
  return {
    ...full,
    columns: kept.map((i) => ({ ...full.columns[i]!, width: RISK_AREA_COLUMNS[full.columns[i]!.key]! })),
    rows: full.rows.map((row) => kept.map((i) => row[i]!)),
    note: t.profile.riskAreaNote,
  };
}

export function riskRegisterTable(vm: ReportViewModel, t: ReportTexts): ReportTable {
  return riskTable('risk_register', t.annexes.riskRegister, vm.annexes.riskRegister, t);
}

export function recommendationsTable(recs: Recommendation[], t: ReportTexts): ReportTable {
  return {
    id: 'recommendations',
    caption: t.chapters.recommendations,
    columns: [
      { key: 'no', label: '№', align: 'center', format: 'integer', width: 0.4 },
      { key: 'text', label: t.recommendations.item, align: 'left', width: 5 },
      { key: 'risks', label: t.recommendations.risks, align: 'left', width: 2.5 },
      { key: 'agencies', label: t.recommendations.agencies, align: 'left', width: 2.5 },
    ],
    rows: recs.map((r, n) => [
      n + 1,
      r.text,
      r.risks.map(riskLabel).join('; '),
      r.agencies.map((a) => a.name).join('; '),
    ]),
  };
}

export function riskLabel(r: { rank: number; title: string }): string {
  return `${r.rank}. ${r.title}`;
}

/** The heat map as a likelihood (rows, 5 at the top) by impact (columns) grid of risk ranks. */
export function heatMapTable(map: HeatMap, t: ReportTexts): ReportTable {
  const steps = [1, 2, 3, 4, 5] as const;
  return {
    id: 'heat_map',
    caption: t.annexes.heatMap,
    columns: [
      {
        key: 'likelihood',
        label: `${t.description.likelihood} \\ ${t.description.impact}`,
        align: 'center',
        width: 1.5,
      },
      ...steps.map((i): TableColumn => ({ key: `i${i}`, label: String(i), align: 'center' })),
    ],
    rows: [...steps]
      .reverse()
      .map((l) => [
        String(l),
        ...steps.map((i) => map.cells.find((c) => c.likelihood === l && c.impact === i)?.ranks.join(', ') ?? ''),
      ]),
    note: t.annexes.heatMapNote,
  };
}

/** Every table of the report in reading order (the XLSX workbook has one sheet per table). */
export function allReportTables(vm: ReportViewModel, t: ReportTexts): ReportTable[] {
  return [
    participationTable(vm.description, t),
    scalesTable(vm.description, t),
    levelBandsTable(vm.description, t),
    ...(vm.description.cycle ?? []).map((c) => c.table),
    ...vm.conclusions.flatMap((s) => s.tables),
    recommendationsTable(vm.recommendations, t),
    ...vm.riskProfiles.flatMap((p) => p.victimProfile),
    riskRegisterTable(vm, t),
    heatMapTable(vm.annexes.heatMap, t),
    vm.annexes.qualityFindings,
    vm.annexes.missingReasons,
  ];
}

export const captionWithNumber = (prefix: string, n: number, caption: string) => `${fill(prefix, { n })} ${caption}`;
