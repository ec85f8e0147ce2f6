// Reference lists, fetched once per session.
import { get } from './api.js';
import { loc } from './i18n.js';

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
