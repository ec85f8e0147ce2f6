// The report's fonts, parsed once per process and shared by every PDF (a finalisation renders
// 2 reports and 36 profiles). pdfkit accepts a fontkit font object instead of a file; by default
// it parses the file and shapes every word again for each document. The shared font also keeps
// the shaped words (fontkit's layout, the bulk of the rendering time) across documents.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The part of fontkit's GlyphRun that pdfkit reads. */
interface Run {
  glyphs: unknown[];
  positions: Record<string, number>[];
}

/**
 * A copy of a cached run: pdfkit scales the positions of every run it gets in place
 * (EmbeddedFont.layoutRun) and only then reads the width, once per word and line it measures,
 * so the width is summed on the first read and kept.
 */
class CopiedRun implements Run {
  #width: number | undefined;
  constructor(
    readonly glyphs: unknown[],
    readonly positions: Record<string, number>[],
  ) {}
  get advanceWidth(): number {
    if (this.#width === undefined) {
      let width = 0;
      for (const p of this.positions) width += p.xAdvance ?? 0;
      this.#width = width;
    }
    return this.#width;
  }
}

/** Enough for every word of a report in both languages; the cache starts over beyond it (numbers vary). */
const MAX_CACHED_RUNS = 50_000;

function withLayoutCache(font: object): object {
  const layout = (font as { layout(text: string, features?: unknown): Run }).layout.bind(font);
  const cache = new Map<string, Run>();
  const cachedLayout = (text: string, features?: unknown): Run => {
    if (features !== undefined) return layout(text, features);
    let run = cache.get(text);
    if (!run) {
      if (cache.size >= MAX_CACHED_RUNS) cache.clear();
      const fresh = layout(text);
      run = { glyphs: fresh.glyphs, positions: fresh.positions.map((p) => ({ ...p })) };
      cache.set(text, run);
    }
    return new CopiedRun(
      run.glyphs,
      run.positions.map((p) => ({ ...p })),
    );
  };
  return new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return cachedLayout;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

interface Glyph {
  codePoints: number[];
}

/**
 * fontkit caches a glyph with the characters it was first asked for. A shared font's subsetting
 * (composite glyphs ask for their components by id alone) would leave a glyph without characters,
 * and pdfkit's ToUnicode map of every later document without that letter (text extraction and
 * search would lose it). The characters of a later request are kept instead.
 */
function keepCodePoints<T extends object>(font: T): T {
  const f = font as unknown as { getGlyph(id: number, characters?: number[]): Glyph | null };
  const getGlyph = f.getGlyph.bind(font);
  f.getGlyph = (id, characters = []) => {
    const glyph = getGlyph(id, characters);
    if (glyph && characters.length && !glyph.codePoints.length) glyph.codePoints = characters;
    return glyph;
  };
  return font;
}

const load = (file: string) => withLayoutCache(keepCodePoints(fontkit.create(readFileSync(path.join(fontDir, file)))));

let fonts: { regular: object; bold: object } | undefined;

/** DejaVu Sans regular and bold as fontkit fonts for `doc.registerFont`. */
export function reportFonts(): { regular: object; bold: object } {
  fonts ??= { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
  return fonts;
}
