// Interface language: every visible string comes from the kk/ru dictionaries; the
// choice is remembered in localStorage. Server texts ({kk, ru} objects) go through loc().
import kk from '../i18n/kk.js';
import ru from '../i18n/ru.js';

const dictionaries = { kk, ru };
const STORAGE_KEY = 'ctip.lang';

export function getLang() {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'kk' || stored === 'ru' ? stored : 'kk';
}

export function setLang(lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** Dictionary text with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = dictionaries[getLang()][key] ?? dictionaries.ru[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** A bilingual server value ({kk, ru}) in the current language. */
export function loc(value) {
  if (!value) return '';
  return value[getLang()] ?? value.ru ?? '';
}

const locales = { kk: 'kk-KZ', ru: 'ru-RU' };

export function formatDate(iso) {
  if (!iso) return '';
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return date.toLocaleDateString(locales[getLang()], { year: 'numeric', month: 'long', day: 'numeric' });
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(locales[getLang()], { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(value, digits = 2) {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString(locales[getLang()], { maximumFractionDigits: digits });
}
