// pdfkit's EmbeddedFont.layout joins the glyphs of a text word by word with Array.concat, which
// copies everything so far for every word: quadratic in a paragraph's length, and the largest cost
// of rendering the report and its profiles (1.7 s of 11 s of CPU at national scale). The same
// loop with push gives the same glyphs and positions, in the same order; the font class is not
// exported, so its prototype is patched once, from the first document's font.
interface LayoutRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}
interface EmbeddedFontLike {
  layout(text: string, features?: unknown, onlyWidth?: boolean): LayoutRun;
  layoutRun(text: string, features?: unknown): LayoutRun;
  layoutCached(text: string): LayoutRun;
}

const patched = new WeakSet<object>();
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
  patched.add(proto);
}
