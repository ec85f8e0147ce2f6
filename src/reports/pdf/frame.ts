// Page furniture written around the laid-out content: the title page, the table of
// contents (on pages reserved after the title page) and the "page N of M" footers.
import { formatDate } from '../format.js';
import type { AssessmentMeta } from '../report.view-model.js';
import { fill } from '../texts.js';
import { COLOR, FONT, FONT_BOLD, MARGIN, contentWidth, type PdfContext, type TocEntry } from './document.js';

export function drawTitlePage(ctx: PdfContext, meta: AssessmentMeta, title: string, subtitle: string[]): void {
  const { doc, t } = ctx;
  const width = contentWidth(doc);
  const centred = (text: string, size: number, bold = false, color: string = COLOR.text) =>
    doc
      .font(bold ? FONT_BOLD : FONT)
      .fontSize(size)
      .fillColor(color)
      .text(text, MARGIN.left, doc.y, { width, align: 'center' });

  doc.y = 90;
  centred(meta.coordinatingBody, 11, false, COLOR.muted);
  doc.moveDown(0.3);
  centred(t.titlePage.preparedBy, 10, false, COLOR.muted);
  doc.y = 230;
  centred(title, 20, true, COLOR.accent);
  doc.moveDown(0.6);
  for (const line of subtitle) centred(line, 13);
  doc.moveDown(2);
  const rows: [string, string][] = [
    [t.titlePage.coordinatingBody, meta.coordinatingBody],
    [t.titlePage.finalisedAt, formatDate(meta.finalisedAt)],
    [t.titlePage.assessmentId, meta.id],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc
      .font(FONT_BOLD)
      .fontSize(9.5)
      .fillColor(COLOR.text)
      .text(label, MARGIN.left + 40, y, { width: 150 });
    const h1 = doc.y - y;
    doc.font(FONT).text(value, MARGIN.left + 200, y, { width: width - 240 });
    doc.y = Math.max(y + h1, doc.y) + 4;
  }
  doc.moveDown(2);
  doc.font(FONT_BOLD).fontSize(10).text(t.legalBasisHeading, MARGIN.left, doc.y, { width });
  doc.moveDown(0.3).font(FONT).fontSize(9).text(t.legalBasis, { width, align: 'justify', lineGap: 1.5 });
  doc.y = doc.page.height - MARGIN.bottom - 30;
  centred(`${t.titlePage.place}, ${new Date(meta.finalisedAt).getUTCFullYear()}`, 10);
}

/** Font sizes of the TOC, largest first: a smaller one is used when it saves a (nearly empty) page. */
const TOC_SIZES = [9.5, 9, 8.5];
const PAGE_COL = 30;

function entryHeight(ctx: PdfContext, e: TocEntry, size: number): number {
  const indent = e.level === 1 ? 0 : 18;
  ctx.doc.font(e.level === 1 ? FONT_BOLD : FONT).fontSize(size);
  return (
    ctx.doc.heightOfString(e.label, { width: contentWidth(ctx.doc) - PAGE_COL - indent - 6 }) + (e.level === 1 ? 6 : 3)
  );
}

const tocArea = (ctx: PdfContext) => ctx.doc.page.height - MARGIN.bottom - MARGIN.top - 40;

function pagesAt(ctx: PdfContext, size: number): number {
  let pages = 1;
  let used = 0;
  for (const e of ctx.toc) {
    const h = entryHeight(ctx, e, size);
    if (used + h > tocArea(ctx)) {
      pages++;
      used = 0;
    }
    used += h;
  }
  return pages;
}

/** The largest TOC size that needs no more pages than the smallest would. */
function tocSize(ctx: PdfContext): number {
  const fewest = pagesAt(ctx, TOC_SIZES[TOC_SIZES.length - 1]!);
  return TOC_SIZES.find((s) => pagesAt(ctx, s) === fewest)!;
}

/** Pages the table of contents needs with the current entries. */
export function tocPagesNeeded(ctx: PdfContext): number {
  return pagesAt(ctx, tocSize(ctx));
}

/** Writes the TOC onto the reserved pages starting at buffered page `first`. */
export function writeToc(ctx: PdfContext, first: number): void {
  const { doc, t } = ctx;
  const width = contentWidth(doc);
  let page = first;
  doc.switchToPage(page);
  doc.font(FONT_BOLD).fontSize(14).fillColor(COLOR.accent).text(t.tableOfContents, MARGIN.left, MARGIN.top, { width });
  doc.moveDown(0.8);
  const size = tocSize(ctx);
  let used = 0;
  for (const e of ctx.toc) {
    const h = entryHeight(ctx, e, size);
    if (used + h > tocArea(ctx)) {
      doc.switchToPage(++page);
      doc.y = MARGIN.top;
      used = 0;
    }
    const indent = e.level === 1 ? 0 : 18;
    const y = doc.y + (e.level === 1 ? 3 : 0);
    doc
      .font(e.level === 1 ? FONT_BOLD : FONT)
      .fontSize(size)
      .fillColor(COLOR.text);
    doc.text(String(e.page + 1), MARGIN.left + width - PAGE_COL, y, {
      width: PAGE_COL,
      align: 'right',
      lineBreak: false,
    });
    doc.text(e.label, MARGIN.left + indent, y, { width: width - PAGE_COL - indent - 6 });
    doc.y = y + h - (e.level === 1 ? 3 : 0);
    used += h;
  }
}

/** "Page N of M" (and an optional left label) on every page from buffered page `from`. */
export function writeFooters(ctx: PdfContext, { from, label }: { from: number; label?: string }): void {
  const { doc, t } = ctx;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start + from; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    doc
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .moveTo(MARGIN.left, y - 6)
      .lineTo(doc.page.width - MARGIN.right, y - 6)
      .stroke();
    doc.font(FONT).fontSize(8).fillColor(COLOR.muted);
    if (label)
      doc.text(label, MARGIN.left, y, { width: contentWidth(doc) * 0.7, height: 10, lineBreak: false, ellipsis: true });
    doc.text(fill(t.pageOf, { page: i + 1, pages: count }), MARGIN.left, y, {
      width: contentWidth(doc),
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
