// Vector charts (rectangles, lines and text only): ranked horizontal bars, trend
// lines over the years and the 5x5 likelihood x impact heat map.
import { formatNumber } from '../format.js';
import type { BarChart, Chart, HeatMap, LineChart, RiskLevel } from '../report.view-model.js';
import { riskLevels } from '../report.view-model.js';
import { captionWithNumber } from '../tables.js';
import { COLOR, FONT, FONT_BOLD, MARGIN, contentWidth, ensureSpace, type PdfContext } from './document.js';

export const LEVEL_FILL: Record<RiskLevel, string> = {
  low: '#9ccc65',
  medium: '#ffe082',
  high: '#ffa726',
  critical: '#e53935',
};
const SERIES = ['#1f4e79', '#c0504d', '#4f8f3a', '#8064a2', '#f79646', '#4bacc6'];

function figureCaption(ctx: PdfContext, title: string, height: number): void {
  const { doc } = ctx;
  const caption = captionWithNumber(ctx.t.figurePrefix, ++ctx.figureNo, title);
  doc.font(FONT_BOLD).fontSize(9);
  ensureSpace(ctx, doc.heightOfString(caption, { width: contentWidth(doc) }) + height + 8);
  doc.fillColor(COLOR.text).text(caption, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4).font(FONT).fontSize(8);
}

function legend(ctx: PdfContext, entries: { label: string; color: string }[], y: number): number {
  const { doc } = ctx;
  let x = MARGIN.left;
  doc.font(FONT).fontSize(8);
  for (const e of entries) {
    const w = doc.widthOfString(e.label) + 22;
    if (x + w > MARGIN.left + contentWidth(doc)) {
      x = MARGIN.left;
      y += 13;
    }
    doc.rect(x, y + 1, 9, 7).fill(e.color);
    doc.fillColor(COLOR.text).text(e.label, x + 12, y, { lineBreak: false });
    x += w;
  }
  return y + 14;
}

export function drawBarChart(ctx: PdfContext, chart: BarChart): void {
  const { doc } = ctx;
  const barH = 11;
  const gap = 4;
  const height = chart.bars.length * (barH + gap) + 40;
  figureCaption(ctx, chart.title, height);
  const labelW = 150;
  const valueW = 34;
  const x0 = MARGIN.left + labelW;
  const plotW = contentWidth(doc) - labelW - valueW;
  const max = Math.max(...chart.bars.map((b) => b.value), 1e-9);
  let y = doc.y;
  for (const bar of chart.bars) {
    doc.font(FONT).fontSize(8).fillColor(COLOR.text);
    doc.text(bar.label, MARGIN.left, y + 1.5, { width: labelW - 6, align: 'right', lineBreak: false, ellipsis: true });
    doc.rect(x0, y, Math.max((bar.value / max) * plotW, 0.5), barH).fill(bar.level ? LEVEL_FILL[bar.level] : SERIES[0]);
    doc
      .fillColor(COLOR.text)
      .text(formatNumber(bar.value, 'decimal1'), x0 + (bar.value / max) * plotW + 3, y + 1.5, { lineBreak: false });
    y += barH + gap;
  }
  doc
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .moveTo(x0, doc.y - 2)
    .lineTo(x0, y)
    .stroke();
  doc
    .fillColor(COLOR.muted)
    .fontSize(7.5)
    .text(chart.valueLabel, x0, y + 2, { width: plotW, align: 'center', lineBreak: false });
  y += 14;
  const levels = new Set(chart.bars.map((b) => b.level).filter((l): l is RiskLevel => !!l));
  if (levels.size)
    y = legend(
      ctx,
      riskLevels.filter((l) => levels.has(l)).map((l) => ({ label: ctx.t.levels[l], color: LEVEL_FILL[l] })),
      y,
    );
  doc.x = MARGIN.left;
  doc.y = y + 8;
}

/** A "nice" axis maximum and step for values up to `max`. */
function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 0.25 };
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { top: Math.ceil(max / step) * step, step };
}

export function drawLineChart(ctx: PdfContext, chart: LineChart): void {
  const { doc } = ctx;
  const plotH = 150;
  figureCaption(ctx, chart.title, plotH + 60);
  const axisW = 40;
  const x0 = MARGIN.left + axisW;
  const plotW = contentWidth(doc) - axisW - 20;
  const top = doc.y + 4;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top: yMax, step } = niceScale(Math.max(0, ...values));
  const yOf = (v: number) => top + plotH - (v / yMax) * plotH;
  const xOf = (i: number) =>
    x0 + (chart.categories.length === 1 ? plotW / 2 : (i / (chart.categories.length - 1)) * (plotW - 40) + 20);

  doc.lineWidth(0.4).strokeColor('#dddddd');
  doc.font(FONT).fontSize(7.5).fillColor(COLOR.muted);
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    doc
      .moveTo(x0, yOf(v))
      .lineTo(x0 + plotW, yOf(v))
      .stroke();
    doc.text(formatNumber(v, step < 1 ? 'decimal1' : 'integer'), MARGIN.left, yOf(v) - 4, {
      width: axisW - 4,
      align: 'right',
      lineBreak: false,
    });
  }
  doc
    .lineWidth(0.8)
    .strokeColor(COLOR.rule)
    .moveTo(x0, top)
    .lineTo(x0, top + plotH)
    .lineTo(x0 + plotW, top + plotH)
    .stroke();
  chart.categories.forEach((c, i) =>
    doc.fillColor(COLOR.text).text(c, xOf(i) - 30, top + plotH + 4, { width: 60, align: 'center', lineBreak: false }),
  );

  chart.series.forEach((s, n) => {
    const color = SERIES[n % SERIES.length];
    doc.lineWidth(1.6).strokeColor(color);
    let drawing = false;
    s.values.forEach((v, i) => {
      if (v === null) return void (drawing = false);
      if (drawing) doc.lineTo(xOf(i), yOf(v));
      else doc.moveTo(xOf(i), yOf(v));
      drawing = true;
    });
    doc.stroke();
    s.values.forEach((v, i) => {
      if (v !== null) doc.circle(xOf(i), yOf(v), 2.4).fill(color);
    });
  });
  const y = legend(
    ctx,
    chart.series.map((s, n) => ({ label: s.label, color: SERIES[n % SERIES.length] })),
    top + plotH + 20,
  );
  doc.x = MARGIN.left;
  doc.y = y + 8;
}

export function drawChart(ctx: PdfContext, chart: Chart): void {
  if (chart.kind === 'bar') drawBarChart(ctx, chart);
  else drawLineChart(ctx, chart);
}

const HEAT_CELL = 62;
/** Height of the heat map figure below its caption. */
export const HEAT_MAP_HEIGHT = HEAT_CELL * 5 + 70;

/** 5x5 grid, likelihood on the vertical axis (5 at the top), impact on the horizontal. */
export function drawHeatMap(ctx: PdfContext, map: HeatMap, title: string, note: string): void {
  const { doc, t } = ctx;
  const cell = HEAT_CELL;
  const gridH = cell * 5;
  figureCaption(ctx, title, HEAT_MAP_HEIGHT);
  const x0 = MARGIN.left + 60;
  const top = doc.y + 4;
  for (const c of map.cells) {
    const x = x0 + (c.impact - 1) * cell;
    const y = top + (5 - c.likelihood) * cell;
    doc.rect(x, y, cell, cell).fill(LEVEL_FILL[c.level]);
    doc.lineWidth(1).strokeColor('#ffffff').rect(x, y, cell, cell).stroke();
    if (c.ranks.length) {
      const label = c.ranks.join(', ');
      doc
        .font(FONT_BOLD)
        .fontSize(9)
        .fillColor(c.level === 'critical' ? '#ffffff' : COLOR.text);
      const h = Math.min(doc.heightOfString(label, { width: cell - 8 }), cell - 8);
      doc.text(label, x + 4, y + (cell - h) / 2, {
        width: cell - 8,
        height: cell - 8,
        align: 'center',
        ellipsis: true,
      });
    }
  }
  doc.font(FONT).fontSize(8).fillColor(COLOR.text);
  for (let v = 1; v <= 5; v++) {
    doc.text(String(v), x0 + (v - 1) * cell, top + gridH + 3, { width: cell, align: 'center', lineBreak: false });
    doc.text(String(v), x0 - 14, top + (5 - v) * cell + cell / 2 - 4, { width: 10, align: 'right', lineBreak: false });
  }
  doc
    .font(FONT_BOLD)
    .text(t.description.impact, x0, top + gridH + 15, { width: gridH, align: 'center', lineBreak: false });
  doc.save().rotate(-90, { origin: [MARGIN.left + 20, top + gridH / 2] });
  doc.text(t.description.likelihood, MARGIN.left + 20 - gridH / 2, top + gridH / 2 - 5, {
    width: gridH,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();
  let y = legend(
    ctx,
    riskLevels.map((l) => ({ label: t.levels[l], color: LEVEL_FILL[l] })),
    top + gridH + 32,
  );
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor(COLOR.muted)
    .text(note, MARGIN.left, y, { width: contentWidth(doc) });
  y = doc.y;
  doc.x = MARGIN.left;
  doc.y = y + 10;
  doc.fillColor(COLOR.text).fontSize(10);
}
