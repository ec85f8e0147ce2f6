// What a service needs to know about the caller: who, and which request (for the audit log).
import type { FastifyRequest } from 'fastify';
import type { Lang } from './lang.js';
import { currentUser, type AuthUser } from './access.js';
import { authRequired } from './shared.errors.js';
import { requestLang } from './i18n.js';

export interface Actor {
  user: AuthUser;
  requestId: string;
  lang: Lang;
}

export function actorOf(request: FastifyRequest): Actor {
  return { user: currentUser(request), requestId: String(request.id), lang: requestLang(request) };
}

/**
 * Who writes on a route with `accountInWrite`: the account the verified token names,
 * which the write statement checks; `account()` loads and authorises it (401/403 as the
 * access hook answers) for any path other than that one statement.
 */
export interface Writer {
  id: string;
  tokenVersion: number;
  lang: Lang;
  account: () => Promise<AuthUser>;
}

export function writerOf(request: FastifyRequest): Writer {
  const { token, loadAuth } = request;
  if (!token || !loadAuth) throw authRequired();
  return {
    id: token.sub,
    tokenVersion: token.tv,
    lang: requestLang(request),
    account: async () => request.auth ?? loadAuth(),
  };
}

/** A writer whose account the access hook has already loaded. */
export const writerFor = (actor: Actor): Writer => ({
  id: actor.user.id,
  tokenVersion: actor.user.tokenVersion,
  lang: actor.lang,
  account: async () => actor.user,
});
