// Interface language: every visible string comes from the kk/ru dictionaries; the
// choice is remembered in localStorage. Server texts ({kk, ru} objects) go through loc().
import kk from '../i18n/kk.js';
import { formatDateIn, formatDateTimeIn, formatNumberIn, formatPIn } from './format.js';
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

export function formatDate(iso) {
  return formatDateIn(getLang(), iso);
}

export function formatDateTime(iso) {
  return formatDateTimeIn(getLang(), iso);
}

export function formatP(p) {
  return formatPIn(getLang(), p);
}

export function formatNumber(value, digits = 2) {
  return formatNumberIn(getLang(), value, digits);
}
