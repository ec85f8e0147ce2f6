// PDF document setup and layout primitives: A4 with DejaVu Sans embedded, buffered
// pages (so the table of contents and "page N of M" footers are written after
// layout), headings recorded for the TOC, paragraphs and bullet lists.
import PDFDocument from 'pdfkit';
import type { AssessmentMeta } from '../report.view-model.js';
import type { ReportTexts } from '../texts.js';
import { linearTextLayout } from './layout-patch.js';
import { reportFonts } from './fonts.js';

export const FONT = 'DejaVu';
export const FONT_BOLD = 'DejaVu-Bold';

export const MARGIN = { top: 56, bottom: 64, left: 62, right: 50 };
export const BODY_SIZE = 10;
export const COLOR = { text: '#1a1a1a', muted: '#555555', rule: '#9e9e9e', headerFill: '#e8edf3', accent: '#1f4e79' };

export interface TocEntry {
  level: 1 | 2;
  label: string;
  /** Zero-based buffered page index. */
  page: number;
}

export interface PdfContext {
  doc: PDFKit.PDFDocument;
  t: ReportTexts;
  toc: TocEntry[];
  tableNo: number;
  figureNo: number;
}

export function createContext(meta: AssessmentMeta, t: ReportTexts, title: string): PdfContext {
  const date = new Date(meta.finalisedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: meta.language === 'kk' ? 'kk-KZ' : 'ru-RU',
    displayTitle: true,
    info: {
      Title: title,
      Author: meta.coordinatingBody,
      Subject: meta.id,
      Creator: 'ctip-risk-assessment',
      Producer: 'ctip-risk-assessment',
      CreationDate: date,
      ModDate: date,
    },
  });
  const fonts = reportFonts();
  // pdfkit takes a fontkit font where its types say file or buffer.
  doc.registerFont(FONT, fonts.regular as unknown as string);
  doc.registerFont(FONT_BOLD, fonts.bold as unknown as string);
  doc.font(FONT).fontSize(BODY_SIZE).fillColor(COLOR.text);
  linearTextLayout(doc);
  return { doc, t, toc: [], tableNo: 0, figureNo: 0 };
}

export const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - MARGIN.left - MARGIN.right;
export const bottomLimit = (doc: PDFKit.PDFDocument) => doc.page.height - MARGIN.bottom;

/** Starts a new page unless `height` points still fit below the cursor. */
export function ensureSpace(ctx: PdfContext, height: number): void {
  if (ctx.doc.y + height > bottomLimit(ctx.doc)) ctx.doc.addPage();
}

const headingSize = { 1: 14, 2: 11.5, 3: 10.5 } as const;

/** A numbered heading kept with the next `keep` points of content; levels 1-2 go into the TOC, level 1 into the outline. */
export function heading(ctx: PdfContext, level: 1 | 2 | 3, number: string, title: string, keep = 80): void {
  const { doc } = ctx;
  const label = number ? `${number} ${title}` : title;
  doc.font(FONT_BOLD).fontSize(headingSize[level]);
  const width = contentWidth(doc);
  const height = doc.heightOfString(label, { width });
  if (doc.y > MARGIN.top + 1) doc.moveDown(level === 1 ? 0.2 : 0.6);
  ensureSpace(ctx, height + keep);
  if (level !== 3)
    ctx.toc.push({ level, label, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1 });
  if (level === 1) doc.outline.addItem(label);
  doc.fillColor(level === 1 ? COLOR.accent : COLOR.text).text(label, MARGIN.left, doc.y, { width });
  doc.moveDown(0.4).font(FONT).fontSize(BODY_SIZE).fillColor(COLOR.text);
}

export function paragraph(
  ctx: PdfContext,
  text: string,
  options: { size?: number; color?: string; bold?: boolean; align?: 'left' | 'justify' } = {},
): void {
  const { doc } = ctx;
  doc
    .font(options.bold ? FONT_BOLD : FONT)
    .fontSize(options.size ?? BODY_SIZE)
    .fillColor(options.color ?? COLOR.text);
  ensureSpace(ctx, doc.currentLineHeight(true) * 2);
  doc.text(text, MARGIN.left, doc.y, { width: contentWidth(doc), align: options.align ?? 'justify', lineGap: 1.5 });
  doc.moveDown(0.5).font(FONT).fontSize(BODY_SIZE).fillColor(COLOR.text);
}

/** Bulleted (or numbered, when `numbered`) list; an item never starts on the last line of a page. */
export function list(ctx: PdfContext, items: string[], numbered = false, size = BODY_SIZE): void {
  const { doc } = ctx;
  const indent = numbered ? 20 : 12;
  const width = contentWidth(doc) - indent;
  doc.font(FONT).fontSize(size).fillColor(COLOR.text);
  items.forEach((item, n) => {
    ensureSpace(ctx, doc.currentLineHeight(true) * 2);
    const y = doc.y;
    doc.text(numbered ? `${n + 1}.` : '•', MARGIN.left, y, { width: indent, lineBreak: false });
    doc.text(item, MARGIN.left + indent, y, { width, lineGap: 1 });
    doc.moveDown(0.2);
  });
  doc.moveDown(0.3);
}

/** Collects the finished PDF bytes. */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
