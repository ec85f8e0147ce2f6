// Methodology annex of the disclosure control: the protection rule and the result of the
// audit run before finalisation (primary, secondary and exposed cells, solver time).
import { disclosureAnnex } from '../disclosure-texts.js';
import type { ReportViewModel } from '../report.view-model.js';
import { fill } from '../texts.js';
import { heading, paragraph, type PdfContext } from './document.js';

export function writeDisclosureAnnex(ctx: PdfContext, vm: ReportViewModel, n: number): void {
  const summary = vm.meta.disclosure;
  if (!summary) return;
  const annex = disclosureAnnex(vm.meta.language, vm.meta.suppressionThreshold ?? 10, ctx.t.suppressed, summary);
  heading(ctx, 2, fill(ctx.t.annexPrefix, { n }), annex.title);
  annex.paragraphs.forEach((p) => paragraph(ctx, p));
}
