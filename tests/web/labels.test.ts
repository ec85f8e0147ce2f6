// Item captions of the web form: no label repeats its question's text (order questions 1.5, 1.8, 1.9),
// and every item of the published questionnaire keeps a caption of its own within its question.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { getVersion } from '../../src/domain/questionnaire/loader.js';
import type { Question } from '../../src/domain/questionnaire/model.js';

type Labels = {
  captionKey: (item: unknown, question: unknown, lang: string) => string | null;
  questionIsItems: (question: unknown, lang: string) => boolean;
};
let labels: Labels;
beforeAll(async () => {
  labels = await import(pathToFileURL(path.resolve('src/web/public/js/labels.js')).href);
});

const version = () => getVersion('2024-10-order-849-410');
const question = (section: number, number: string): Question =>
  version()
    .sectionByNumber.get(section)!
    .questions.find((q) => q.number === number)!;

describe('item captions', () => {
  it('gives one-item questions and items equal to the question a short caption by kind', () => {
    for (const lang of ['kk', 'ru']) {
      expect(labels.captionKey(question(1, '8').items[0], question(1, '8'), lang)).toBe('item.caption.table');
      const q9 = question(1, '9');
      expect(labels.captionKey(q9.items[0], q9, lang)).toBe('item.caption.count');
      // The second item of 1.9 says something the question does not: it keeps its label.
      expect(labels.captionKey(q9.items[1], q9, lang)).toBeNull();
    }
  });

  it('heads a question spelled out by its items with its number only (1.5)', () => {
    for (const lang of ['kk', 'ru']) {
      const q5 = question(1, '5');
      expect(labels.questionIsItems(q5, lang)).toBe(true);
      expect(q5.items.map((i) => labels.captionKey(i, q5, lang))).toEqual([null, null]);
      expect(labels.questionIsItems(question(2, '8'), 'ru')).toBe(false);
    }
  });

  it('never shows the question text twice, and a caption never makes two items of a question alike', () => {
    for (const section of version().sections)
      for (const q of section.questions)
        for (const lang of ['kk', 'ru'] as const) {
          const shown = q.items.map((i) => {
            const key = labels.captionKey(i, q, lang);
            return key ?? i.label[lang];
          });
          if (!labels.questionIsItems(q, lang))
            for (const [n, text] of shown.entries())
              expect(text.trim(), `${q.id} item ${n} (${lang})`).not.toBe(q.text[lang].trim());
          // A caption never makes two items alike (the order itself repeats some labels, e.g. 4.1's "measures taken").
          for (const [n, i] of q.items.entries())
            if (labels.captionKey(i, q, lang))
              expect(
                shown.filter((x) => x === shown[n]),
                `${q.id} (${lang})`,
              ).toHaveLength(1);
        }
  });
});
