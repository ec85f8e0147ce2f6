// The linear text layout gives exactly what pdfkit's own gives (glyphs, positions and width) for
// every kind of text the report prints: Kazakh and Russian words, runs of spaces and tabs, leading
// and trailing spaces, an empty string, a long paragraph; with and without glyphs (onlyWidth).
// The shaped words are shared by every document; none of them changes a shared run (a document
// rendered again, after others justified the same words, has the same bytes).
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/reports/pdf/document.js';
import { renderRiskProfilePdf } from '../../../src/reports/pdf/profile.js';
import { renderReportPdf } from '../../../src/reports/pdf/report.js';
import { profileViewModels } from '../../../src/reports/build/build.js';
import { pdfkitLayout } from '../../../src/reports/pdf/layout-patch.js';
import { loadTexts } from '../../../src/reports/texts.js';
import { sampleViewModel } from '../sample-view-model.js';

describe('linear text layout', () => {
  it('equals pdfkit layout on every text', () => {
    const vm = sampleViewModel('kk');
    const { doc } = createContext(vm.meta, loadTexts('kk'), 'test');
    const font = (doc as unknown as { _font: { layout: (...a: unknown[]) => unknown } })._font;
    expect(pdfkitLayout).toBeDefined();
    expect(font.layout).not.toBe(pdfkitLayout);
    const paragraph = 'Адам саудасының құрбандары — жәбірленушілер; Жертвы торговли людьми '.repeat(40);
    const texts = [
      '',
      ' ',
      'a',
      'Қазақстан',
      '  екі  бос орын  ',
      'tab\tseparated\t\twords',
      ' leading',
      'trailing ',
      paragraph,
    ];
    for (const text of texts)
      for (const onlyWidth of [false, true])
        expect(font.layout(text, undefined, onlyWidth), JSON.stringify(text)).toEqual(
          pdfkitLayout!.call(font as never, text, undefined, onlyWidth),
        );
  });

  it('shares shaped words across documents and leaves them as they were', async () => {
    const vm = sampleViewModel('ru');
    const fontOf = () =>
      (
        createContext(vm.meta, loadTexts('ru'), 'test').doc as unknown as {
          _font: { layoutCached(t: string): unknown };
        }
      )._font;
    const word = 'Жертвы';
    expect(fontOf().layoutCached(word)).toBe(fontOf().layoutCached(word));
    const profile = profileViewModels(vm)[0]!;
    const first = await renderRiskProfilePdf(profile);
    await renderReportPdf(vm);
    for (const p of profileViewModels(vm)) await renderRiskProfilePdf(p);
    expect(Buffer.compare(await renderRiskProfilePdf(profile), first)).toBe(0);
  });
});
