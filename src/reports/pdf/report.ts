// The three-year risk assessment report as PDF (Rules §17): title page with the legal
// basis, table of contents, the four chapters of §17 and the annexes.
import type { ReportViewModel } from '../report.view-model.js';
import { levelBandsTable, participationTable, riskLabel, riskRegisterTable, scalesTable } from '../tables.js';
import { fill, textsFor, type ReportTexts } from '../texts.js';
import { formatNumber } from '../format.js';
import { HEAT_MAP_HEIGHT, drawChart, drawHeatMap } from './charts.js';
import { COLOR, createContext, finish, heading, list, paragraph, type PdfContext, type TocEntry } from './document.js';
import { drawTitlePage, tocPagesNeeded, writeFooters, writeToc } from './frame.js';
import { writeCommonPart, writeProfile } from './profile.js';
import { drawTable } from './table.js';
import { writeDisclosureAnnex } from './disclosure.js';

function writeDescription(ctx: PdfContext, vm: ReportViewModel): void {
  const { t } = ctx;
  const d = vm.description;
  const x = t.description;
  heading(ctx, 1, '1.', t.chapters.description);
  heading(ctx, 2, '1.1.', x.scope);
  d.scope.forEach((p, i) => paragraph(ctx, p, d.draft && i > 0 ? { color: COLOR.muted } : {}));
  heading(ctx, 2, '1.2.', x.sources);
  list(ctx, d.sources);
  // The references carry their citation numbers "[n]" themselves: no second numbering.
  paragraph(ctx, d.references.length ? x.referencesHeading : x.noReferences);
  if (d.references.length) list(ctx, d.references);
  heading(ctx, 2, '1.3.', x.participation);
  paragraph(
    ctx,
    fill(x.participationText, { participating: d.participatingOrganisations, requested: d.requestedOrganisations }),
  );
  drawTable(ctx, participationTable(d, t));
  heading(ctx, 2, '1.4.', x.method);
  x.methodText.forEach((p) => paragraph(ctx, p));
  paragraph(ctx, x.qualityRules, { bold: true });
  // Each text starts with the rule's name in the document's language; the code is for the XLSX only.
  list(
    ctx,
    d.method.qualityRules.map((r) => r.text),
  );
  drawTable(ctx, scalesTable(d, t));
  drawTable(ctx, levelBandsTable(d, t));
  const k = d.method.kendall;
  paragraph(
    ctx,
    fill(x.kendall, {
      w: formatNumber(k.w, 'decimal3'),
      experts: k.experts,
      risks: k.risks,
      test: k.test ?? '',
      p: k.p < 0.001 ? '< 0,001' : `= ${formatNumber(k.p, 'decimal3')}`,
    }),
  );
  (d.cycle ?? []).forEach((section, i) => {
    heading(ctx, 2, `1.${5 + i}.`, section.heading);
    section.paragraphs.forEach((p) => paragraph(ctx, p));
    drawTable(ctx, section.table);
  });
}

function writeConclusions(ctx: PdfContext, vm: ReportViewModel): void {
  heading(ctx, 1, '2.', ctx.t.chapters.conclusions);
  vm.conclusions.forEach((section, n) => {
    heading(ctx, 2, `2.${n + 1}.`, ctx.t.conclusionHeadings[section.key]);
    // A generated draft (preview only: finalisation needs the experts' text) is set in grey.
    section.paragraphs.forEach((p) => paragraph(ctx, p, section.draft ? { color: COLOR.muted } : {}));
    section.tables.forEach((table) => drawTable(ctx, table));
    if (section.noData) paragraph(ctx, section.noData, { size: 9, color: COLOR.muted });
    section.charts.forEach((chart) => drawChart(ctx, chart));
  });
}

function writeRecommendations(ctx: PdfContext, vm: ReportViewModel): void {
  const { t } = ctx;
  heading(ctx, 1, '3.', t.chapters.recommendations);
  paragraph(ctx, t.recommendations.intro);
  vm.recommendations.forEach((r, n) => {
    paragraph(ctx, `3.${n + 1}. ${r.text}`, { bold: true, align: 'left' });
    ctx.doc.moveUp(0.3);
    paragraph(
      ctx,
      `${t.recommendations.risks}: ${r.risks.map((x) => `${riskLabel(x)} (${t.levels[x.level]})`).join('; ')}`,
      { size: 8.5, color: COLOR.muted },
    );
    ctx.doc.moveUp(0.3);
    paragraph(ctx, `${t.recommendations.agencies}: ${r.agencies.map((a) => a.name).join('; ')}`, {
      size: 8.5,
      color: COLOR.muted,
    });
  });
}

function writeProfiles(ctx: PdfContext, vm: ReportViewModel): void {
  heading(ctx, 1, '4.', ctx.t.chapters.riskProfiles);
  paragraph(ctx, ctx.t.profile.definition);
  writeCommonPart(ctx, vm.riskProfiles);
  vm.riskProfiles.forEach((profile, n) => {
    heading(ctx, 2, `4.${n + 1}.`, profile.agency.name);
    writeProfile(ctx, profile, `4.${n + 1}.`, 3, true);
  });
}

function writeAnnexes(ctx: PdfContext, vm: ReportViewModel): void {
  const { t } = ctx;
  const a = t.annexes;
  const annex = (n: number, title: string, keep?: number) => heading(ctx, 2, fill(t.annexPrefix, { n }), title, keep);
  heading(ctx, 1, '', t.chapters.annexes);
  annex(1, a.riskRegister);
  drawTable(ctx, riskRegisterTable(vm, t));
  annex(2, a.heatMap, HEAT_MAP_HEIGHT);
  drawHeatMap(ctx, vm.annexes.heatMap, a.heatMap, a.heatMapNote);
  annex(3, a.qualityFindings);
  drawTable(ctx, vm.annexes.qualityFindings);
  annex(4, a.missingReasons);
  drawTable(ctx, vm.annexes.missingReasons);
  writeDisclosureAnnex(ctx, vm, 5);
}

const chapters = [writeDescription, writeConclusions, writeRecommendations, writeProfiles, writeAnnexes];

function layout(vm: ReportViewModel, t: ReportTexts, tocPages: number): PdfContext {
  const [from, , to] = vm.meta.years;
  const ctx = createContext(vm.meta, t, `${t.titlePage.title} ${fill(t.titlePage.period, { from, to })}`);
  drawTitlePage(ctx, vm.meta, t.titlePage.title, [fill(t.titlePage.period, { from, to })]);
  for (let i = 0; i < tocPages; i++) ctx.doc.addPage();
  for (const chapter of chapters) {
    ctx.doc.addPage();
    chapter(ctx, vm);
  }
  return ctx;
}

/** The TOC entries the chapters will write (levels 1-2), to reserve the right number of TOC pages up front. */
function expectedToc(vm: ReportViewModel, t: ReportTexts): TocEntry[] {
  const x = t.description;
  const a = t.annexes;
  const e = (level: 1 | 2, label: string): TocEntry => ({ level, label, page: 0 });
  return [
    e(1, `1. ${t.chapters.description}`),
    ...[x.scope, x.sources, x.participation, x.method, ...(vm.description.cycle ?? []).map((c) => c.heading)].map(
      (s, i) => e(2, `1.${i + 1}. ${s}`),
    ),
    e(1, `2. ${t.chapters.conclusions}`),
    ...vm.conclusions.map((c, n) => e(2, `2.${n + 1}. ${t.conclusionHeadings[c.key]}`)),
    e(1, `3. ${t.chapters.recommendations}`),
    e(1, `4. ${t.chapters.riskProfiles}`),
    ...vm.riskProfiles.map((p, n) => e(2, `4.${n + 1}. ${p.agency.name}`)),
    e(1, t.chapters.annexes),
    ...[a.riskRegister, a.heatMap, a.qualityFindings, a.missingReasons].map((s, i) =>
      e(2, `${fill(t.annexPrefix, { n: i + 1 })} ${s}`),
    ),
  ];
}

export function renderReportPdf(vm: ReportViewModel): Promise<Buffer> {
  const t = textsFor(vm.meta);
  // Laying the report out is the costly part: reserve the TOC pages the headings will need,
  // so the layout normally runs once (it is repeated only if the estimate falls short).
  const probe = createContext(vm.meta, t, '');
  probe.toc = expectedToc(vm, t);
  let tocPages = tocPagesNeeded(probe);
  let ctx = layout(vm, t, tocPages);
  // The TOC length is known only after layout; lay out again if it needs more pages.
  while (tocPagesNeeded(ctx) > tocPages) {
    tocPages = tocPagesNeeded(ctx);
    ctx = layout(vm, t, tocPages);
  }
  writeToc(ctx, 1);
  writeFooters(ctx, { from: 1, label: t.titlePage.title });
  return finish(ctx.doc);
}
