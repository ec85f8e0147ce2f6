// Language of user-facing text: `?lang=` wins, then Accept-Language, then Russian
// (the language most focal points work in; Kazakh is offered everywhere).
import type { FastifyRequest } from 'fastify';
import type { Lang } from './lang.js';

export function requestLang(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'kk' || q === 'ru') return q;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'kk' || tag === 'kz') return 'kk';
      if (tag === 'ru') return 'ru';
    }
  }
  return 'ru';
}
