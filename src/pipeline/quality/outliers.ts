// Outliers over time (each organisation's count against its own earlier years) and
// across regions (an agency type's count per reporting organisation in each region,
// within a year: the mean, not the sum, so a region with more bodies or one body
// without an answer is not an outlier by construction), applying
// the tested statistics of src/pipeline/outliers.ts. Counts are count items and
// breakdown totals; categories are left to the experts' reading.
import type { Bilingual } from '../../shared/lang.js';
import { itemRef } from '../../domain/questionnaire/messages.js';
import { detectRegionalOutliers, detectTemporalOutliers, type UnitYearValue } from '../outliers.js';
import type { RegionValue } from '../evidence.js';
import type { QualityContext } from './context.js';
import type { Finding, PipelineSubmission, QualityParameters } from './types.js';
import { fmt, isTerritorial, regionName } from './units.js';
import { countValues } from './values.js';

const fmt1 = (n: number) => fmt(n, 1);

/** "Вопрос 1 раздела 2 («...»)": the same item reference as the validator's messages. */
function refOf(ctx: QualityContext, s: PipelineSubmission, itemId: string): Bilingual {
  const loc = ctx.formOf(s).index.get(itemId);
  return loc ? itemRef(loc) : { kk: itemId, ru: itemId };
}

export function outlierFindings(ctx: QualityContext, params: QualityParameters, findings: Finding[]): void {
  // itemId -> series records; (year/agencyType/itemId) -> region -> sum and contributors.
  const series = new Map<string, UnitYearValue[]>();
  const regional = new Map<string, Map<string, { sum: number; subs: PipelineSubmission[] }>>();
  const subOf = new Map<string, PipelineSubmission>();
  for (const s of ctx.submissions) {
    const org = ctx.orgOf(s);
    subOf.set(`${s.organisationId}/${s.year}`, s);
    for (const [itemId, value] of countValues(ctx.formOf(s), s.content)) {
      let list = series.get(itemId);
      if (!list) series.set(itemId, (list = []));
      list.push({ unitCode: s.organisationId, year: s.year, value });
      if (!isTerritorial(org.region)) continue;
      const key = `${s.year}\u0000${org.agencyType}\u0000${itemId}`;
      let byRegion = regional.get(key);
      if (!byRegion) regional.set(key, (byRegion = new Map()));
      let cell = byRegion.get(org.region);
      if (!cell) byRegion.set(org.region, (cell = { sum: 0, subs: [] }));
      cell.sum += value;
      cell.subs.push(s);
    }
  }

  const temporal = { level: params.temporalLevel, ratioHigh: params.ratioHigh, ratioLow: params.ratioLow };
  for (const itemId of [...series.keys()].sort()) {
    const records = series.get(itemId)!;
    for (const year of ctx.years.slice(1)) {
      for (const f of detectTemporalOutliers(records, year, temporal)) {
        const s = subOf.get(`${f.unitCode}/${year}`)!;
        const ref = refOf(ctx, s, itemId);
        const ratio = f.ratio === null ? '∞' : fmt1(Math.round(f.ratio * 100) / 100);
        findings.push({
          severity: 'warning',
          code: 'outlier.temporal',
          ruleId: f.reason,
          itemId,
          organisationId: f.unitCode,
          submissionId: s.id,
          year,
          message: {
            kk: `${ref.kk}: ${year} жылғы мән (${f.value}) ұйымның алдыңғы жылдардағы орташа мәнінен (${fmt1(f.earlierMean)}) күрт ерекшеленеді (${ratio} есе).`,
            ru: `${ref.ru}: значение за ${year} год (${f.value}) резко отличается от среднего за предыдущие годы (${fmt1(f.earlierMean)}): в ${ratio} раза.`,
          },
          details: {
            reason: f.reason,
            value: f.value,
            earlierMean: f.earlierMean,
            ratio: f.ratio,
            interval: [f.intervalLower, f.intervalUpper],
            tailProbability: f.tailProbability,
          },
        });
      }
    }
  }

  const regionalOptions = { threshold: params.regionalThreshold, minRegions: params.minRegions };
  for (const key of [...regional.keys()].sort()) {
    const [yearText, agencyType, itemId] = key.split('\u0000') as [string, string, string];
    const byRegion = regional.get(key)!;
    const values: RegionValue[] = [...byRegion]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([regionCode, c]) => ({ regionCode, value: c.sum / c.subs.length }));
    for (const f of detectRegionalOutliers(values, regionalOptions)) {
      if (f.median > 0 && f.value < f.median * params.regionalMinRatio && f.value > f.median / params.regionalMinRatio)
        continue;
      if (Math.abs(f.value - f.median) < params.regionalMinDifference) continue;
      const subs = byRegion.get(f.regionCode)!.subs;
      const only = subs.length === 1 ? subs[0]! : undefined;
      const ref = refOf(ctx, subs[0]!, itemId);
      findings.push({
        severity: 'warning',
        code: 'outlier.regional',
        ruleId: f.reason,
        itemId,
        organisationId: only?.organisationId ?? null,
        submissionId: only?.id ?? null,
        year: Number(yearText),
        message: {
          kk: `${ref.kk}: ${regionName(f.regionCode).kk} бойынша мән (${fmt1(f.value)}) басқа өңірлерден күрт ерекшеленеді (медиана ${fmt1(f.median)}, түрлендірілген z = ${fmt1(Math.round(f.modifiedZ * 10) / 10)}).`,
          ru: `${ref.ru}: значение по региону «${regionName(f.regionCode).ru}» (${fmt1(f.value)}) резко отличается от других регионов (медиана ${fmt1(f.median)}, модифицированный z = ${fmt1(Math.round(f.modifiedZ * 10) / 10)}).`,
        },
        details: {
          region: f.regionCode,
          agencyType,
          reason: f.reason,
          value: f.value,
          median: f.median,
          spread: f.spread,
          method: f.method,
          modifiedZ: f.modifiedZ,
        },
      });
    }
  }
}
