// Every output of an assessment, rendered from one AssessmentInput: the published files
// (report PDF and XLSX in kk and ru, one risk-profile PDF per agency type and language),
// protected as one linked set and audited before release, and the restricted raw fact
// table (facts-restricted.arrow) for the expert group only.
import type { Lang } from '../../shared/lang.js';
import type { AuditResult } from '../../pipeline/disclosure/audit.js';
import { factTableToArrow } from '../arrow.js';
import { renderRiskProfilePdf } from '../pdf/profile.js';
import { renderReportPdf } from '../pdf/report.js';
import { renderReportXlsx } from '../xlsx/report.js';
import { buildReportViewModel, profileViewModels, protectReport } from './build.js';
import { auditPublished, DisclosureExposedError, disclosureOptions, type ReportProtection } from './disclosure.js';
import type { AssessmentInput } from './inputs.js';

export interface OutputFile {
  name: string;
  contentType: string;
  content: Buffer;
}

/** Raw victim-level data: experts and administrators only, every download audited. */
export const RESTRICTED_FACTS = 'facts-restricted.arrow';
export const isRestricted = (name: string) => name.includes('-restricted.') || name.startsWith('facts');

export interface RenderedOutputs {
  files: OutputFile[];
  /** The disclosure audit of the published files (0 exposed, or rendering throws). */
  disclosure: AuditResult;
}

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  arrow: 'application/vnd.apache.arrow.file',
} as const;

const langs: Lang[] = ['kk', 'ru'];

export function arrowOfFacts(input: AssessmentInput): Buffer {
  return Buffer.from(factTableToArrow(input.id, input.facts));
}

/**
 * Renders the outputs one by one; `onProgress(done, total, name)` is called after each.
 * Throws DisclosureExposedError, before rendering anything, when the audit of the protection
 * or of the published model (either language) can narrow a hidden cell beyond the rule; the
 * second audit does not trust the protection's own.
 */
export async function renderOutputs(
  input: AssessmentInput,
  onProgress: (done: number, total: number, name: string) => void | Promise<void> = () => {},
  protection: ReportProtection = protectReport(input),
): Promise<RenderedOutputs> {
  if (protection.audit.exposed.length) throw new DisclosureExposedError(protection.audit);
  const models = new Map(langs.map((lang) => [lang, buildReportViewModel(input, lang, { publish: true, protection })]));
  // The attacker again, on what each language's model actually shows.
  for (const vm of models.values()) {
    const audit = auditPublished(vm, protection.relations, disclosureOptions(input));
    if (audit.exposed.length) throw new DisclosureExposedError(audit);
  }
  const files: OutputFile[] = [];
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
    for (const p of profileViewModels(vm))
      await add(`profile-${p.profile.agency.code}-${lang}.pdf`, CONTENT_TYPES.pdf, await renderRiskProfilePdf(p));
  }
  await add(RESTRICTED_FACTS, CONTENT_TYPES.arrow, arrowOfFacts(input));
  return { files, disclosure: protection.audit };
}
