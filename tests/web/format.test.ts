// Dates and numbers as the web app prints them, independent of the browser's locale data.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

type Fmt = (lang: string, ...args: unknown[]) => string;
let fmt: { formatDateIn: Fmt; formatDateTimeIn: Fmt; formatNumberIn: Fmt };
beforeAll(async () => {
  fmt = await import(pathToFileURL(path.resolve('src/web/public/js/format.js')).href);
});

describe('web formatting', () => {
  it('writes Kazakh dates with Kazakh month names, Russian ones with the genitive month', () => {
    expect(fmt.formatDateIn('kk', '2027-01-02')).toBe('2027 жылғы 2 қаңтар');
    expect(fmt.formatDateIn('ru', '2027-01-02')).toBe('2 января 2027 г.');
    expect(fmt.formatDateIn('kk', '2026-12-31')).toBe('2026 жылғы 31 желтоқсан');
    expect(fmt.formatDateIn('ru', '')).toBe('');
    expect(fmt.formatDateIn('ru', 'not a date')).toBe('');
  });

  it('writes a timestamp as its local day and time', () => {
    const local = new Date(2026, 11, 1, 19, 39).toISOString();
    expect(fmt.formatDateTimeIn('kk', local)).toBe('2026 жылғы 1 желтоқсан, 19:39');
    expect(fmt.formatDateTimeIn('ru', local)).toBe('1 декабря 2026 г., 19:39');
    expect(fmt.formatDateTimeIn('ru', null)).toBe('');
  });

  it('groups digits with a no-break space and uses a decimal comma, never printing "M01" or a point', () => {
    expect(fmt.formatNumberIn('kk', 1234567.891)).toBe('1\u00a0234\u00a0567,89');
    expect(fmt.formatNumberIn('ru', 100, 0)).toBe('100');
    expect(fmt.formatNumberIn('ru', 100)).toBe('100');
    expect(fmt.formatNumberIn('ru', 0.5)).toBe('0,5');
    expect(fmt.formatNumberIn('ru', -2.25, 1)).toBe('−2,3');
    expect(fmt.formatNumberIn('ru', -0.001, 2)).toBe('0');
    expect(fmt.formatNumberIn('ru', null)).toBe('—');
  });
});

describe('p-values', () => {
  it('are "p < 0,001" below a thousandth, never "p = 0"', async () => {
    const { formatPIn } = (await import(pathToFileURL(path.resolve('src/web/public/js/format.js')).href)) as {
      formatPIn: Fmt;
    };
    expect(formatPIn('ru', 0)).toBe('p < 0,001');
    expect(formatPIn('kk', 0.0004)).toBe('p < 0,001');
    expect(formatPIn('ru', 0.0123)).toBe('p = 0,012');
    expect(formatPIn('ru', null)).toBe('');
  });
});
