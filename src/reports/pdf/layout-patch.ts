// pdfkit's EmbeddedFont.layout joins the glyphs of a text word by word with Array.concat, which
// copies everything so far for every word: quadratic in a paragraph's length, and the largest cost
// of rendering the report and its profiles (1.7 s of 11 s of CPU at national scale). The same
// loop with push gives the same glyphs and positions, in the same order; the font class is not
// exported, so its prototype is patched once, from the first document's font.
// Its word cache (layoutCached) is also per document, so each of a finalisation's 56 PDFs shaped and
// scaled every word again (fontkit's layout, then a for-in over every glyph position): the runs are
// now kept per fontkit font, shared by every document that embeds it. A cached run is only read
// (layout copies its glyphs and positions into new arrays; a justified line copies the position it
// widens), so sharing it gives the same PDF.
interface LayoutRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}
interface EmbeddedFontLike {
  /** The fontkit font (shared by every document: src/reports/pdf/fonts.ts). */
  font: object;
  layout(text: string, features?: unknown, onlyWidth?: boolean): LayoutRun;
  layoutRun(text: string, features?: unknown): LayoutRun;
  layoutCached(text: string): LayoutRun;
}

const patched = new WeakSet<object>();

/** Enough for every word of a report and its profiles in both languages; starts over beyond it (numbers vary). */
const MAX_SHARED_RUNS = 50_000;
const sharedRuns = new WeakMap<object, Map<string, LayoutRun>>();

function layoutCached(this: EmbeddedFontLike, text: string): LayoutRun {
  let runs = sharedRuns.get(this.font);
  if (!runs) sharedRuns.set(this.font, (runs = new Map()));
  let run = runs.get(text);
  if (!run) {
    if (runs.size >= MAX_SHARED_RUNS) runs.clear();
    // fontkit's run sums its positions on every read of advanceWidth (once per word a line measures).
    const { glyphs, positions, advanceWidth } = this.layoutRun(text);
    run = { glyphs, positions, advanceWidth };
    runs.set(text, run);
  }
  return run;
}

/** pdfkit's own layout, kept for the test that compares the two. */
export let pdfkitLayout: EmbeddedFontLike['layout'] | undefined;

function layout(this: EmbeddedFontLike, text: string, features?: unknown, onlyWidth?: boolean): LayoutRun {
  if (features) return this.layoutRun(text, features);
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  let last = 0;
  let index = 0;
  while (index <= text.length) {
    const needle = text.charAt(index);
    if ((index === text.length && last < index) || needle === ' ' || needle === '\t') {
      const run = this.layoutCached(text.slice(last, ++index));
      if (glyphs && positions) {
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p);
      }
      advanceWidth += run.advanceWidth;
      last = index;
    } else {
      index++;
    }
  }
  return { glyphs: glyphs as unknown[], positions: positions as unknown[], advanceWidth };
}

/** Call after `doc.font(...)`: patches the class of the document's current (embedded) font. */
export function linearTextLayout(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: object })._font;
  const proto = font && Object.getPrototypeOf(font);
  if (!proto || patched.has(proto) || typeof (proto as EmbeddedFontLike).layoutCached !== 'function') return;
  pdfkitLayout = (proto as EmbeddedFontLike).layout;
  (proto as EmbeddedFontLike).layout = layout;
  (proto as EmbeddedFontLike).layoutCached = layoutCached;
  patched.add(proto);
}
