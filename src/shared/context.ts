// What a service needs to know about the caller: who, and which request (for the audit log).
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../modules/questionnaire/questionnaire.model.js';
import { currentUser, type AuthUser } from './access.js';
import { requestLang } from './i18n.js';

export interface Actor {
  user: AuthUser;
  requestId: string;
  lang: Lang;
}

export function actorOf(request: FastifyRequest): Actor {
  return { user: currentUser(request), requestId: String(request.id), lang: requestLang(request) };
}
