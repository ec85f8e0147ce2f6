// Errors of the shared HTTP plumbing (access control, optimistic concurrency). Domain
// modules keep theirs in src/modules/<domain>/<domain>.errors.ts; every factory of every
// *.errors.ts file is checked by tests/shared/error-catalogue.test.ts (one text per code).
import { badRequest, conflict, forbidden, preconditionRequired, unauthorized } from './errors.js';
import { messages } from './messages.js';

export const authRequired = () => unauthorized(messages.authRequired, undefined, 'auth.required');
export const notPermitted = () => forbidden(messages.forbidden, undefined, 'auth.forbidden');
export const routeNotDeclared = () =>
  forbidden({ kk: 'Бұл мекенжайға қолжетімділік анықталмаған.', ru: 'Доступ к этому адресу не определен.' }, undefined, 'auth.route_not_declared');
export const ifMatchRequired = () => preconditionRequired(messages.ifMatchRequired, undefined, 'precondition.required');
export const ifMatchInvalid = () =>
  badRequest(
    { kk: 'If-Match тақырыбы нұсқа нөмірі болуы тиіс, мысалы "3".', ru: 'Заголовок If-Match должен содержать номер версии, например "3".' },
    { header: 'If-Match' },
    'precondition.invalid',
  );
/** 409 carrying the current version, so the client can reload and retry. */
export const staleVersion = (currentVersion: number, extra?: Record<string, unknown>) =>
  conflict(messages.stale, { currentVersion, ...extra }, 'version.stale');
