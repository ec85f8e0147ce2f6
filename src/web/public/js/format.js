// Dates and numbers formatted by the application, not by the browser's locale data: a
// Chromium without Kazakh month names prints "2027 M01 2". Kazakh as in official documents,
// Russian with the genitive month (the names are in ../i18n/dates.js).
// Times are the browser's local time (the users' clocks are in Kazakhstan).

import { dateWords, months } from '../i18n/dates.js';

/** A calendar date (`YYYY-MM-DD`) is that day; a timestamp is its local day. */
function toDate(iso) {
  return iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
}

function day(date, lang) {
  const [y, m, d] = [date.getFullYear(), date.getMonth(), date.getDate()];
  return lang === 'kk'
    ? `${y} ${dateWords.kk.year} ${d} ${months.kk[m]}`
    : `${d} ${months.ru[m]} ${y} ${dateWords.ru.year}`;
}

export function formatDateIn(lang, iso) {
  if (!iso) return '';
  const date = toDate(iso);
  return Number.isNaN(date.getTime()) ? '' : day(date, lang);
}

export function formatDateTimeIn(lang, iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${day(date, lang)}, ${time}`;
}

/** Digits grouped by threes with a no-break space, decimal comma (both languages). */
export function formatNumberIn(_lang, value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
  const n = Number(value);
  let fixed = Math.abs(n).toFixed(digits);
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${n < 0 && Number(fixed) !== 0 ? '−' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A p-value as a statistician writes it: below 0.001 it is "p < 0,001", never "p = 0". */
export function formatPIn(lang, p) {
  if (p === null || p === undefined || Number.isNaN(Number(p))) return '';
  return Number(p) < 0.001 ? `p < ${formatNumberIn(lang, 0.001, 3)}` : `p = ${formatNumberIn(lang, p, 3)}`;
}
