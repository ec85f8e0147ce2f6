// Errors of the shared HTTP plumbing (access control, optimistic concurrency). Domain
// modules keep theirs in src/modules/<domain>/<domain>.errors.ts; every factory of every
// *.errors.ts file is checked by tests/shared/error-catalogue.test.ts (one text per code).
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  preconditionRequired,
  tooManyRequests,
  unauthorized,
} from './errors.js';
import { messages } from './messages.js';

export const authRequired = () => unauthorized(messages.authRequired, undefined, 'auth.required');
export const notPermitted = () => forbidden(messages.forbidden, undefined, 'auth.forbidden');
export const routeNotDeclared = () =>
  forbidden(
    { kk: 'Бұл мекенжайға қолжетімділік анықталмаған.', ru: 'Доступ к этому адресу не определен.' },
    undefined,
    'auth.route_not_declared',
  );
export const ifMatchRequired = () => preconditionRequired(messages.ifMatchRequired, undefined, 'precondition.required');
export const ifMatchInvalid = () =>
  badRequest(
    {
      kk: 'If-Match тақырыбы нұсқа нөмірі болуы тиіс, мысалы "3".',
      ru: 'Заголовок If-Match должен содержать номер версии, например "3".',
    },
    { header: 'If-Match' },
    'precondition.invalid',
  );
/** 409 carrying the current version, so the client can reload and retry. */
export const staleVersion = (currentVersion: number, extra?: Record<string, unknown>) =>
  conflict(messages.stale, { currentVersion, ...extra }, 'version.stale');

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
/** Seconds a client is asked to wait when every slot for expensive requests is taken. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export const serviceUnavailable = () =>
  new AppError(
    'service.unavailable',
    503,
    {
      kk: 'Қызмет уақытша қолжетімсіз (дерекқор жауап бермейді). Сәлден соң қайталаңыз: ештеңе сақталған жоқ.',
      ru: 'Сервис временно недоступен (база данных не отвечает). Повторите чуть позже: ничего не сохранено.',
    },
    { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
  );
export const serviceBusy = () =>
  new AppError(
    'service.busy',
    503,
    {
      kk: 'Сервер қазір ауыр сұрауларды орындап жатыр. Сәлден соң қайталаңыз.',
      ru: 'Сервер сейчас выполняет другие тяжелые запросы. Повторите чуть позже.',
    },
    { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
  );
export const unstorableText = () =>
  badRequest(
    {
      kk: 'Мәтінде рұқсат етілмеген таңбалар бар (NUL немесе жұпсыз суррогат).',
      ru: 'Текст содержит недопустимые символы (NUL или непарный суррогат).',
    },
    undefined,
    'request.invalid_text',
  );
export const unsupportedEncoding = () =>
  new AppError('request.unsupported_encoding', 415, {
    kk: 'Сұрау денесінің кодтауы (Content-Encoding) қолданылмайды.',
    ru: 'Кодирование тела запроса (Content-Encoding) не поддерживается.',
  });
export const rateLimited = (retryAfterSeconds: number) =>
  tooManyRequests(
    {
      kk: 'Бұл әрекет тым жиі сұралды. Кейінірек қайталаңыз.',
      ru: 'Это действие запрошено слишком часто. Повторите позже.',
    },
    { retryAfterSeconds },
    'request.rate_limited',
  );
