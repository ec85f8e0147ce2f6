// Authorisation: every route declares `config.access`; a route without one is denied.
// Identity comes from the JWT, but the user row is re-read on every request so a
// disabled account or a reset password takes effect at once (stateless server).
// A route may leave that read to its one write statement (`accountInWrite`): the hook
// then verifies only the token, the statement checks the account atomically, and
// every other path loads it through `request.loadAuth` with the same checks.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authRequired, notPermitted, routeNotDeclared } from './shared.errors.js';

// specialist: invited to the analysis (Rules §16); reads only the working materials of the assessments that grant it access.
export const roles = ['admin', 'focal_point', 'expert', 'secretariat', 'specialist'] as const;
export type Role = (typeof roles)[number];
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationId: string | null;
  tokenVersion: number;
}

export interface TokenPayload {
  sub: string;
  /** Token version: a password reset bumps it and invalidates older tokens. */
  tv: number;
}

/** The one signing algorithm of sign-in tokens (HMAC with JWT_SECRET). */
export const TOKEN_ALGORITHM = 'HS256';

/** What a verified token must carry; anything else is refused as if unsigned. */
const tokenPayload = z.object({ sub: z.uuid(), tv: z.number().int().min(0).max(2_147_483_647), exp: z.number().int() });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route's service checks the account inside its write and loads it on any other path. */
    accountInWrite?: boolean;
  }
  interface FastifyRequest {
    auth: AuthUser | null;
    token: TokenPayload | null;
    /** Loads and authorises the token's account, as the hook does for other routes. */
    loadAuth: (() => Promise<AuthUser>) | null;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenPayload;
  }
}

export type LoadUser = (id: string) => Promise<(AuthUser & { disabled: boolean; tokenVersion: number }) | null>;

export function hasRole(user: AuthUser, ...wanted: Role[]): boolean {
  return user.roles.some((r) => wanted.includes(r));
}

/** The authenticated user of a route that is not public (the hook guarantees it). */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw authRequired();
  return request.auth;
}

export function registerAccessControl(app: FastifyInstance, loadUser: LoadUser): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('token', null);
  app.decorateRequest('loadAuth', null);
  // Documentation routes are registered by plugins; they are public by design.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config ?? {}), access: 'public' };
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === 'public') return;
    // Unknown URLs fall through to the not-found handler (no route config at all).
    if (request.routeOptions.url === undefined) return;
    if (access === undefined) throw routeNotDeclared();
    let payload: TokenPayload;
    try {
      const verified = tokenPayload.safeParse(await request.jwtVerify());
      if (!verified.success) throw verified.error;
      payload = { sub: verified.data.sub, tv: verified.data.tv };
    } catch {
      throw authRequired();
    }
    request.token = payload;
    // Once per request: the error handler may ask again after a refusal.
    let loaded: Promise<AuthUser> | undefined;
    request.loadAuth = () =>
      (loaded ??= (async () => {
        const user = await loadUser(payload.sub);
        if (!user || user.disabled || user.tokenVersion !== payload.tv) throw authRequired();
        request.auth = {
          id: user.id,
          email: user.email,
          name: user.name,
          roles: user.roles,
          organisationId: user.organisationId,
          tokenVersion: user.tokenVersion,
        };
        if (access !== 'authenticated' && !hasRole(request.auth, ...access)) throw notPermitted();
        return request.auth;
      })());
    if (!request.routeOptions.config.accountInWrite) await request.loadAuth();
  });
}
