// The one error type of the application. Services throw it; the single error
// handler turns it into `{"error": {"code", "message", "details"}}`.
import type { Bilingual, Lang } from './lang.js';

export class AppError extends Error {
  constructor(
    /** Dotted, stable, machine-readable, e.g. `submission.stale`. */
    readonly code: string,
    readonly status: number,
    /** User-facing text in both languages; the handler picks the request's. */
    readonly text: Bilingual,
    readonly details?: Record<string, unknown>,
  ) {
    super(text.ru);
    this.name = 'AppError';
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

const make =
  (status: number, fallbackCode: string) =>
  (text: Bilingual, details?: Record<string, unknown>, code = fallbackCode) =>
    new AppError(code, status, text, details);

export const badRequest = make(400, 'request.invalid');
export const unauthorized = make(401, 'auth.required');
export const forbidden = make(403, 'auth.forbidden');
export const notFound = make(404, 'not_found');
export const conflict = make(409, 'conflict');
export const preconditionRequired = make(428, 'precondition.required');
export const unprocessable = make(422, 'validation.failed');
export const tooManyRequests = make(429, 'rate_limited');
