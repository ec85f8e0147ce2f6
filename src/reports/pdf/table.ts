// Tables that break across pages cleanly: a row is never split, and the caption's
// "(continued)" line and the header row are repeated at the top of each new page.
import { formatCell } from '../format.js';
import type { ReportTable } from '../report.view-model.js';
import { captionWithNumber } from '../tables.js';
import { COLOR, FONT, FONT_BOLD, MARGIN, bottomLimit, contentWidth, ensureSpace, type PdfContext } from './document.js';

const SIZE = 8.5;
const PAD = 3;

export function drawTable(ctx: PdfContext, table: ReportTable): void {
  const { doc, t } = ctx;
  const caption = captionWithNumber(t.tablePrefix, ++ctx.tableNo, table.caption);
  const total = table.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const widths = table.columns.map((c) => ((c.width ?? 1) / total) * contentWidth(doc));
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const body = table.rows.map((row) => row.map((cell, i) => formatCell(cell, table.columns[i], t.suppressed)));
  const header = table.columns.map((c) => c.label);

  // A header whose longest word, or a figure, that does not fit its column is set smaller (down to 6 pt),
  // so no word and no number is broken across lines (a table with many subjects has narrow columns).
  const isFigure = (text: string) => /^[\d\s\u00a0\u202f,.%<x−-]+$/.test(text);
  const fitted = (text: string, i: number, bold: boolean) => {
    doc.font(bold ? FONT_BOLD : FONT);
    const words = isFigure(text) ? [text] : text.split(/\s+/);
    const longest = Math.max(...words.map((w) => doc.fontSize(SIZE).widthOfString(w)));
    return Math.max(6, Math.min(SIZE, Math.floor(((SIZE * (widths[i] - 2 * PAD)) / Math.max(longest, 1)) * 2) / 2));
  };
  const headerSizes = header.map((label, i) => fitted(label, i, true));
  const sizeOf = (bold: boolean, i: number, text: string) => (bold ? headerSizes[i] : fitted(text, i, false));
  const rowHeight = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((c, i) => {
        const size = sizeOf(bold, i, c);
        doc.font(bold ? FONT_BOLD : FONT);
        return doc.fontSize(size).heightOfString(c || ' ', { width: widths[i] - 2 * PAD });
      }),
    ) +
    2 * PAD;
  const drawRow = (cells: string[], bold: boolean, fill?: string, h = rowHeight(cells, bold)) => {
    const y = doc.y;
    if (fill) doc.rect(MARGIN.left, y, contentWidth(doc), h).fill(fill);
    doc
      .fillColor(COLOR.text)
      .font(bold ? FONT_BOLD : FONT)
      .fontSize(SIZE);
    cells.forEach((c, i) => {
      const align = bold ? 'center' : table.columns[i].align;
      doc
        .fontSize(sizeOf(bold, i, c))
        .text(c, xs[i] + PAD, y + PAD, { width: widths[i] - 2 * PAD, align, lineBreak: true });
      doc.lineWidth(0.4).strokeColor(COLOR.rule).rect(xs[i], y, widths[i], h).stroke();
    });
    doc.x = MARGIN.left;
    doc.y = y + h;
  };
  const drawCaption = (text: string) => {
    doc
      .font(FONT_BOLD)
      .fontSize(9)
      .fillColor(COLOR.text)
      .text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.25);
  };

  if (table.rows.length === 0) {
    // No header-only tables: the caption and one line saying no data were reported.
    doc.font(FONT_BOLD).fontSize(9);
    ensureSpace(ctx, doc.heightOfString(caption, { width: contentWidth(doc) }) + 30);
    drawCaption(caption);
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor(COLOR.muted)
      .text(`${t.noData[0]!.toUpperCase()}${t.noData.slice(1)}.`, MARGIN.left, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.8).font(FONT).fontSize(10).fillColor(COLOR.text);
    return;
  }
  const headerHeight = rowHeight(header, true);
  doc.font(FONT_BOLD).fontSize(9);
  const captionHeight = doc.heightOfString(caption, { width: contentWidth(doc) }) + 4;
  // A short table is kept on one page; a long one starts with at least its caption, header and first row.
  // Row heights are measured once (text measuring is the costly part of a table).
  const heights = body.map((cells) => rowHeight(cells, false));
  const whole = captionHeight + headerHeight + heights.reduce((a, b) => a + b, 0) + 30;
  const start = captionHeight + headerHeight + (heights[0] ?? 0);
  ensureSpace(ctx, whole < 0.4 * (bottomLimit(doc) - MARGIN.top) ? whole : start);
  drawCaption(caption);
  drawRow(header, true, COLOR.headerFill);
  body.forEach((cells, r) => {
    if (doc.y + heights[r]! > bottomLimit(doc)) {
      doc.addPage();
      drawCaption(`${caption} ${t.continued}`);
      drawRow(header, true, COLOR.headerFill, headerHeight);
    }
    drawRow(cells, false, undefined, heights[r]);
  });
  if (table.note) {
    doc
      .moveDown(0.2)
      .font(FONT)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(table.note, MARGIN.left, doc.y, { width: contentWidth(doc) });
  }
  doc.moveDown(0.8).font(FONT).fontSize(10).fillColor(COLOR.text);
}
