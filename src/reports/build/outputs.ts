// Every published output of an assessment, rendered from one AssessmentInput with
// suppression applied: the report PDF and XLSX in kk and ru, the Arrow fact table
// (for analysts, raw) and one risk-profile PDF per agency type and language.
import type { Lang } from '../../shared/lang.js';
import { factsToArrow, toExportFact } from '../arrow.js';
import { renderRiskProfilePdf } from '../pdf/profile.js';
import { renderReportPdf } from '../pdf/report.js';
import { renderReportXlsx } from '../xlsx/report.js';
import { buildReportViewModel, profileViewModels } from './build.js';
import type { AssessmentInput } from './inputs.js';

export interface OutputFile {
  name: string;
  contentType: string;
  content: Buffer;
}

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  arrow: 'application/vnd.apache.arrow.file',
} as const;

const langs: Lang[] = ['kk', 'ru'];

export function arrowOfFacts(input: AssessmentInput): Buffer {
  return Buffer.from(factsToArrow(input.facts.map((f) => toExportFact(input.id, f))));
}

/**
 * Renders the outputs one by one; `onProgress(done, total, name)` is called after each.
 * The total is known once the kk model is built (one profile per agency type).
 */
export async function renderOutputs(input: AssessmentInput, onProgress: (done: number, total: number, name: string) => void | Promise<void> = () => {}): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const models = new Map(langs.map((lang) => [lang, buildReportViewModel(input, lang, { publish: true })]));
  const profiles = models.get('kk')!.riskProfiles.length;
  const total = langs.length * (2 + profiles) + 1;
  const add = async (name: string, contentType: string, content: Buffer) => {
    files.push({ name, contentType, content });
    await onProgress(files.length, total, name);
  };
  for (const lang of langs) {
    const vm = models.get(lang)!;
    await add(`report-${lang}.pdf`, CONTENT_TYPES.pdf, await renderReportPdf(vm));
    await add(`report-${lang}.xlsx`, CONTENT_TYPES.xlsx, await renderReportXlsx(vm));
    for (const p of profileViewModels(vm)) await add(`profile-${p.profile.agency.code}-${lang}.pdf`, CONTENT_TYPES.pdf, await renderRiskProfilePdf(p));
  }
  await add('facts.arrow', CONTENT_TYPES.arrow, arrowOfFacts(input));
  return files;
}
