// The linear text layout gives exactly what pdfkit's own gives (glyphs, positions and width) for
// every kind of text the report prints: Kazakh and Russian words, runs of spaces and tabs, leading
// and trailing spaces, an empty string, a long paragraph; with and without glyphs (onlyWidth).
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/reports/pdf/document.js';
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
});
