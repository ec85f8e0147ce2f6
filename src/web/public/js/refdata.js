// Reference lists, fetched once per session.
import { get } from './api.js';
import { formatDate, loc, t } from './i18n.js';

const cache = new Map();
function once(path) {
  if (!cache.has(path))
    cache.set(
      path,
      get(path).catch((err) => {
        cache.delete(path);
        throw err;
      }),
    );
  return cache.get(path);
}

export const agencyTypes = () => once('/api/v1/reference/agency-types');
export const regions = () => once('/api/v1/reference/regions');
export const countries = () => once('/api/v1/reference/countries');
export const form = (version, agencyType) =>
  once(`/api/v1/questionnaires/${encodeURIComponent(version)}/forms/${encodeURIComponent(agencyType)}`);
export const questionnaires = () => once('/api/v1/questionnaires');
export const organisations = () => get('/api/v1/organisations');

/** code -> localised name. */
export async function names(listPromise) {
  const list = await listPromise;
  return (code) => loc(list.find((x) => x.code === code)?.name) || code;
}

/** A questionnaire version by its legal basis and effective date, not its id ("2024-10-order-849-410"). */
export function versionName(v) {
  const orders = v.legalBasis?.orders?.map((o) => o.number).join('/');
  const name = orders
    ? t('questionnaire.versionName', { orders, date: formatDate(v.effectiveDate) })
    : `${loc(v.title)} (${formatDate(v.effectiveDate)})`;
  return v.status === 'published' ? name : `${name} — ${t('questionnaire.draft')}`;
}
