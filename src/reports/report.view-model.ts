// View model of the three-year risk assessment report (Rules §17, order No. 849/410).
// Every text in it is already in the report's language; fixed texts (chapter titles,
// captions, labels) come from reports/texts.<lang>.json via texts.ts. Renderers take
// this model and never touch the database.
import type { Lang } from '../shared/lang.js';
import type { AgencyTypeCode } from '../domain/reference.js';

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';
export const riskLevels: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];

/** Agreement among experts on one risk, from the IQR of their ratings. */
export type Consensus = 'high' | 'moderate' | 'low';

// ---------------------------------------------------------------- tables and charts

/**
 * A count hidden for privacy: `primary` is a count 1..threshold-1, shown as "<10";
 * `secondary` is a larger count hidden so that no small count can be derived, shown as "x".
 */
export interface SuppressedCell {
  suppressed: true;
  mark: 'primary' | 'secondary';
}
export type TableCell = string | number | null | SuppressedCell;

export type NumberFormat = 'integer' | 'decimal1' | 'decimal2' | 'decimal3' | 'percent';

export interface TableColumn {
  key: string;
  label: string;
  align: 'left' | 'right' | 'center';
  /** How numeric cells of this column are formatted (PDF text and XLSX numFmt). */
  format?: NumberFormat;
  /** Relative width in the PDF (default 1). */
  width?: number;
}

export interface ReportTable {
  /** Stable identifier, used for XLSX sheet names; unique within a report. */
  id: string;
  caption: string;
  columns: TableColumn[];
  /** One array per row, cells in column order. */
  rows: TableCell[][];
  /** Source or footnote printed under the table. */
  note?: string;
  /**
   * Stable code of each row (category, region, agency type, risk, item or indicator code;
   * "total" for a total row), so tables in kk and ru join on codes, not on position.
   */
  rowCodes?: (string | null)[];
  /**
   * For person-count tables: the disclosure cell key (src/pipeline/disclosure/linked.ts) of
   * each count cell, parallel to `rows`; null for cells that are not counts.
   */
  cellKeys?: (string | null)[][];
}

/** Horizontal ranked bars, e.g. the 20 regions by risk score. */
export interface BarChart {
  kind: 'bar';
  id: string;
  title: string;
  valueLabel: string;
  bars: { label: string; value: number; level?: RiskLevel }[];
}

/** Trend lines over the assessment years. */
export interface LineChart {
  kind: 'line';
  id: string;
  title: string;
  /** X axis labels, normally the three years. */
  categories: string[];
  series: { label: string; values: (number | null)[] }[];
}

export type Chart = BarChart | LineChart;

// ---------------------------------------------------------------- chapters

export interface AssessmentMeta {
  id: string;
  years: [number, number, number];
  /** Authorised body coordinating the expert group for this cycle (Rules §6). */
  coordinatingBody: string;
  /** ISO 8601 timestamp; also the PDF creation date, which keeps output deterministic. */
  finalisedAt: string;
  language: Lang;
  /** Published counts 1..threshold-1 are suppressed; the label reads "<threshold" (default 10). */
  suppressionThreshold?: number;
  /** Result of the disclosure audit of the published tables (methodology annex). */
  disclosure?: DisclosureSummary;
}

export interface DisclosureSummary {
  /** Person-count cells published, hidden as primary ("<10") and as secondary ("x"). */
  cells: number;
  primary: number;
  secondary: number;
  /** Primary cells the audit could narrow beyond the rule (0 in anything published). */
  exposed: number;
  /** Solver time of protection and audit, ms. */
  ms: number;
}

export interface ScaleStep {
  value: 1 | 2 | 3 | 4 | 5;
  label: string;
  description: string;
}

export interface MethodDescription {
  /** Data-quality rules applied during processing (Rules §13(1)). */
  qualityRules: { code: string; text: string }[];
  likelihoodScale: ScaleStep[];
  impactScale: ScaleStep[];
  /** Score (L x I) bands per level, inclusive. */
  levelBands: { level: RiskLevel; min: number; max: number }[];
  /** Kendall's coefficient of concordance over the experts' rankings. */
  kendall: { w: number; chiSquare: number; df: number; p: number; experts: number; risks: number; test?: string };
}

export interface Description {
  scope: string[];
  /** True when the scope's paragraphs after the first are the generated draft. */
  draft?: boolean;
  /** The data the assessment rests on: the questionnaire answers and the expert panel (Rules §8, §13). */
  sources: string[];
  /** The references of Rules §10 and §15, "[n] ..." in citation order (grouped by type); the narrative cites them as [n]. */
  references: string[];
  participatingOrganisations: number;
  requestedOrganisations: number;
  /** Shares in [0, 1]. */
  rates: {
    response: number;
    timeliness: number;
    completeness: number;
    /** `custom` when some request set a term other than a month (Rules §9): the caption then says so. */
    term?: 'monthly' | 'custom';
  };
  /** Response per reporting year (submissions drawn on / recipients asked), when known. */
  responseByYear?: { year: number; submitted: number; requested: number }[];
  method: MethodDescription;
  /** Specialists drawn into the analysis (§16) and the follow-up of the previous cycle, when recorded. */
  cycle?: CycleSection[];
}

/** A section of chapter 1 printed after the method: heading, text and one table. */
export interface CycleSection {
  key: 'participants' | 'followUp';
  heading: string;
  paragraphs: string[];
  table: ReportTable;
}

/** The nine analysis headings of Rules §14, in order. */
export const conclusionKeys = [
  'sources',
  'nature',
  'likelihood_by_territory',
  'consequences',
  'vulnerable_groups',
  'schemes_and_methods',
  'recruitment_and_control',
  'causes_and_conditions',
  'effective_prevention',
] as const;
export type ConclusionKey = (typeof conclusionKeys)[number];

/**
 * One §14 heading: the experts' narrative with its tables and charts. The builder puts
 * the regional table and ranked bar chart of the 20 regions under
 * `likelihood_by_territory`, the victims' citizenship table under `vulnerable_groups`
 * and the three-year trend series under `nature`.
 */
export interface ConclusionSection {
  key: ConclusionKey;
  paragraphs: string[];
  /** True when the paragraphs are the generated draft, not yet the experts' accepted text. */
  draft?: boolean;
  /** One line naming the tables of this point for which no subject reported data (instead of empty tables). */
  noData?: string;
  tables: ReportTable[];
  charts: Chart[];
}

export interface RiskRef {
  id: string;
  rank: number;
  title: string;
  level: RiskLevel;
}

export interface AgencyRef {
  code: AgencyTypeCode;
  name: string;
}

export interface Recommendation {
  id: string;
  text: string;
  risks: RiskRef[];
  agencies: AgencyRef[];
}

/** A ranked risk of the register (annex) with the expert-group ratings. */
export interface RankedRisk extends RiskRef {
  /** Median likelihood and impact on 1..5. */
  likelihood: number;
  impact: number;
  /** likelihood x impact, 1..25. */
  score: number;
  iqrLikelihood: number;
  iqrImpact: number;
  consensus: Consensus;
  /** Share of experts within ±1 of the median, the smaller of likelihood and impact (0..1). */
  agreement?: number;
}

export interface HeatMapCell {
  likelihood: 1 | 2 | 3 | 4 | 5;
  impact: 1 | 2 | 3 | 4 | 5;
  level: RiskLevel;
  /** Ranks of the risks placed in this cell. */
  ranks: number[];
}

export interface HeatMap {
  /** All 25 cells. */
  cells: HeatMapCell[];
}

/** Sop indicators / risk groups picked for an agency (see texts.ts sopForAgency). */
export interface IndicatorGroup {
  title: string;
  items: string[];
  /** The same for every agency type, or for every one whose profile concerns minors (the report prints it once, before the profiles). */
  common?: 'all' | 'minors';
}

/** Risk profile of potential victims for one agency type (Rules §2(5), §17(4)). */
export interface RiskProfile {
  agency: AgencyRef;
  /** Risk areas: the ranked risks within the agency's competence. */
  riskAreas: RankedRisk[];
  /**
   * Statistical profile of identified victims over the three years: one table per
   * dimension (age band, sex, citizenship, form of exploitation, social status),
   * columns category, the three years and the trend.
   */
  victimProfile: ReportTable[];
  /** For an agency with no register risk in its competence: why the risk area and the measures are empty. */
  riskAreasNote?: string;
  /** For an agency without victim data of its own: where the national tables are (instead of a copy). */
  victimProfileNote?: string;
  /** SOP indicators and risk groups relevant to the agency. */
  sopIndicators: IndicatorGroup[];
  /** The SOP's functions, minors, three elements and referral path (reports/sop-profiles.json). */
  sop: ProfileSop;
  mitigation: string[];
}

/** What the SOP says of one agency type, each item citing its SOP lines. */
export interface ProfileSop {
  /** The agency's functions, one group per direction of work (SOP tables 1-13). */
  functions: IndicatorGroup[];
  /** Where the SOP describes an agency type without a table of its own. */
  functionsNote?: string;
  /** The lines of the agency's table, e.g. "СОП, стр. 587–592". */
  functionsSource?: string;
  /** Why the minors' groups and signs are (or are not) in the profile. */
  minorsBasis: string;
  threeElements: IndicatorGroup;
  /** The referral steps the agency takes (whom it informs or refers to). */
  refersTo: string[];
  /** The steps by which others refer potential victims to it. */
  referredBy: string[];
}

export interface Annexes {
  riskRegister: RankedRisk[];
  heatMap: HeatMap;
  qualityFindings: ReportTable;
  missingReasons: ReportTable;
}

/** Which published count cells sum to which (by disclosure cell key); exact, or total >= sum of parts. */
export interface CellRelation {
  total: string;
  parts: string[];
  exact: boolean;
}

export interface ReportViewModel {
  meta: AssessmentMeta;
  /** Relations between the person-count cells of the tables (published with the XLSX for auditing). */
  cellRelations?: CellRelation[];
  description: Description;
  /** All nine §14 headings in order. */
  conclusions: ConclusionSection[];
  recommendations: Recommendation[];
  riskProfiles: RiskProfile[];
  annexes: Annexes;
}

/** A single agency's risk profile as a stand-alone document. */
export interface RiskProfileViewModel {
  meta: AssessmentMeta;
  profile: RiskProfile;
}

export function isSuppressed(cell: TableCell): cell is SuppressedCell {
  return typeof cell === 'object' && cell !== null && cell.suppressed === true;
}
