// One error handler and one not-found handler: every error leaves as
// {"error": {"code", "message", "details"}}; no stack traces reach clients.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';
import { requestLang } from './i18n.js';
import { messages } from './messages.js';
import { serviceUnavailable, unstorableText } from './shared.errors.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Fastify's own client errors, mapped to our codes. */
const fastifyCodes: Record<string, { status: number; code: string; text: keyof typeof messages }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large', text: 'tooLarge' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type', text: 'unsupportedMedia' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.bad_json', text: 'badJson' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.invalid', text: 'validation' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'request.too_large', text: 'tooLarge' },
  FST_FILES_LIMIT: { status: 413, code: 'request.too_large', text: 'tooLarge' },
  FST_PARTS_LIMIT: { status: 413, code: 'request.too_large', text: 'tooLarge' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'request.unsupported_media_type', text: 'unsupportedMedia' },
};

/**
 * A route that checks the account inside its write (`accountInWrite`) has not loaded it
 * when its input is refused before that: the account's own 401/403 comes first, as on
 * every other route, so an unauthorised caller learns nothing from validation.
 */
async function accountFirst(request: FastifyRequest, err: FastifyError): Promise<FastifyError> {
  if (!request.routeOptions.config?.accountInWrite || !request.loadAuth) return err;
  try {
    await request.loadAuth();
    return err;
  } catch (authError) {
    return authError as FastifyError;
  }
}

export interface ErrorHandlingOptions {
  /** What a database error means (src/db decides; this layer only answers). */
  classifyDatabaseError: (err: unknown) => 'unstorable_text' | 'unavailable' | undefined;
}

export function registerErrorHandling(app: FastifyInstance, { classifyDatabaseError }: ErrorHandlingOptions): void {
  app.setErrorHandler(async (refused: FastifyError, request, reply) => {
    const err = await accountFirst(request, refused);
    const lang = requestLang(request);
    // An outage is the database's, not the caller's: 503 so that clients and balancers retry.
    // Text the schema let through but PostgreSQL refuses (a backstop) is still the caller's: 400.
    const database = err instanceof AppError ? undefined : classifyDatabaseError(err);
    if (database)
      request.log.warn(
        { err },
        database === 'unavailable' ? 'database unreachable' : 'unstorable text reached the database',
      );
    const known =
      err instanceof AppError
        ? err
        : database === 'unavailable'
          ? serviceUnavailable()
          : database === 'unstorable_text'
            ? unstorableText()
            : undefined;
    if (known) {
      if (known.status >= 500 && !database) request.log.error({ err }, 'application error');
      const retryAfter = known.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
      return reply.status(known.status).send(body(known.code, known.messageIn(lang), known.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      return reply.status(400).send(body('request.invalid', messages.validation[lang], { issues }));
    }
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply.status(400).send(body('request.bad_json', messages.badJson[lang]));
    }
    const fastifyError = err.code ? fastifyCodes[err.code] : undefined;
    if (fastifyError)
      return reply.status(fastifyError.status).send(body(fastifyError.code, messages[fastifyError.text][lang]));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('request.invalid', messages.validation[lang]));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal', messages.internal[lang]));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('not_found', messages.notFound[requestLang(request)]));
  });
}
