// Risk profile of potential victims for one agency type (Rules §2(5)): risk area,
// risk indicators, measures to minimise risks. Used as a report chapter section and
// as a stand-alone document.
import type { RiskProfile, RiskProfileViewModel } from '../report.view-model.js';
import { riskAreaTable } from '../tables.js';
import { fill, textsFor } from '../texts.js';
import {
  COLOR,
  FONT_BOLD,
  MARGIN,
  contentWidth,
  createContext,
  ensureSpace,
  finish,
  heading,
  list,
  paragraph,
  type PdfContext,
} from './document.js';
import { drawTable } from './table.js';
import { writeFooters } from './frame.js';

/**
 * Writes the profile's three parts numbered `${prefix}1.` to `${prefix}3.` at heading `level`.
 * In the report (`commonWritten`), what every agency type shares was printed once before the
 * profiles (writeCommonPart) and is pointed to instead of repeated in every profile.
 */
export function writeProfile(
  ctx: PdfContext,
  profile: RiskProfile,
  prefix: string,
  level: 1 | 2 | 3,
  commonWritten = false,
): void {
  const { t } = ctx;
  const p = t.profile;
  const { sop } = profile;
  heading(ctx, level, `${prefix}1.`, p.riskArea);
  if (profile.riskAreasNote) paragraph(ctx, profile.riskAreasNote, { size: 9 });
  else
    drawTable(
      ctx,
      riskAreaTable(
        `profile_${profile.agency.code}_risks`,
        `${p.riskArea}: ${profile.agency.name}`,
        profile.riskAreas,
        t,
      ),
    );

  heading(ctx, level, `${prefix}2.`, p.indicators);
  subheading(ctx, p.victimProfile);
  for (const table of profile.victimProfile) drawTable(ctx, table);
  if (profile.victimProfileNote) paragraph(ctx, profile.victimProfileNote, { size: 9 });
  if (!commonWritten) writeThreeElements(ctx, profile);
  subheading(ctx, p.sopIndicators);
  if (commonWritten) paragraph(ctx, p.commonPointer, { size: 9 });
  paragraph(ctx, `${p.minorsNote}. ${sop.minorsBasis}`, { size: 9 });
  writeGroups(
    ctx,
    profile.sopIndicators.filter((g) => !(commonWritten && g.common)),
  );
  paragraph(ctx, p.sopNote, { size: 8, color: COLOR.muted });

  heading(ctx, level, `${prefix}3.`, p.mitigation);
  subheading(ctx, p.registerMeasures);
  if (profile.mitigation.length) list(ctx, profile.mitigation);
  else paragraph(ctx, profile.riskAreasNote ?? p.noMeasures, { size: 9 });
  subheading(ctx, p.functions);
  if (sop.functionsNote) paragraph(ctx, sop.functionsNote, { size: 9 });
  if (sop.functionsSource) paragraph(ctx, fill(p.functionsSource, { lines: sop.functionsSource }), { size: 9 });
  for (const group of sop.functions) {
    subheading(ctx, group.title, 9);
    list(ctx, group.items, false, 9);
  }
  subheading(ctx, p.referral);
  subheading(ctx, p.refersTo, 9);
  list(ctx, sop.refersTo, false, 9);
  subheading(ctx, p.referredBy, 9);
  list(ctx, sop.referredBy, false, 9);
}

function writeThreeElements(ctx: PdfContext, profile: RiskProfile): void {
  subheading(ctx, ctx.t.profile.threeElements);
  paragraph(ctx, profile.sop.threeElements.title, { size: 9 });
  list(ctx, profile.sop.threeElements.items, false, 9);
}

function writeGroups(ctx: PdfContext, groups: readonly { title: string; items: string[] }[]): void {
  for (const group of groups) {
    subheading(ctx, group.title, 9);
    list(ctx, group.items, false, 9);
  }
}

/**
 * What the profiles share, once: the three elements and the SOP groups and signs for all agency
 * types, then those for every agency type whose profile concerns minors.
 */
export function writeCommonPart(ctx: PdfContext, profiles: readonly RiskProfile[]): void {
  const first = profiles[0];
  if (!first) return;
  subheading(ctx, ctx.t.profile.commonPart, 11);
  writeThreeElements(ctx, first);
  writeGroups(
    ctx,
    first.sopIndicators.filter((g) => g.common === 'all'),
  );
  const minors = profiles.flatMap((p) => p.sopIndicators.filter((g) => g.common === 'minors'));
  const seen = new Set<string>();
  const unique = minors.filter((g) => !seen.has(g.title) && seen.add(g.title));
  if (unique.length) {
    subheading(ctx, ctx.t.profile.commonMinors, 10);
    writeGroups(ctx, unique);
  }
  paragraph(ctx, ctx.t.profile.sopNote, { size: 8, color: COLOR.muted });
}

function subheading(ctx: PdfContext, text: string, size = 10): void {
  const { doc } = ctx;
  doc.font(FONT_BOLD).fontSize(size);
  ensureSpace(ctx, doc.heightOfString(text, { width: contentWidth(doc) }) + 40);
  doc.fillColor(COLOR.text).text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function renderRiskProfilePdf(vm: RiskProfileViewModel): Promise<Buffer> {
  const t = textsFor(vm.meta);
  const [from, , to] = vm.meta.years;
  const title = `${t.profile.documentTitle}: ${vm.profile.agency.name}`;
  const ctx = createContext(vm.meta, t, title);
  const { doc } = ctx;
  doc
    .font(FONT_BOLD)
    .fontSize(15)
    .fillColor(COLOR.accent)
    .text(t.profile.documentTitle, MARGIN.left, MARGIN.top, { width: contentWidth(doc), align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(12)
    .fillColor(COLOR.text)
    .text(vm.profile.agency.name, { width: contentWidth(doc), align: 'center' });
  doc
    .moveDown(0.2)
    .fontSize(10)
    .text(`${t.titlePage.title}, ${fill(t.titlePage.period, { from, to })}`, {
      width: contentWidth(doc),
      align: 'center',
    });
  doc.moveDown(1);
  paragraph(ctx, t.profile.definition, { size: 9 });
  writeProfile(ctx, vm.profile, '', 1);
  // No title page here: the first page carries the header, so every page gets a footer.
  writeFooters(ctx, { from: 0, label: vm.profile.agency.name });
  return finish(doc);
}
