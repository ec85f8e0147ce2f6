// The report's fonts, parsed once per process and shared by every PDF (a finalisation renders
// 2 reports and 54 profiles). pdfkit accepts a fontkit font object instead of a file; by default
// it parses the file again for each document. The shaped words are shared across documents too,
// per font (layout-patch.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

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

const load = (file: string) => keepCodePoints(fontkit.create(readFileSync(path.join(fontDir, file))));

let fonts: { regular: object; bold: object } | undefined;

/** DejaVu Sans regular and bold as fontkit fonts for `doc.registerFont`. */
export function reportFonts(): { regular: object; bold: object } {
  fonts ??= { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
  return fonts;
}
