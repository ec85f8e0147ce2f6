// Optimistic concurrency: responses carry the row version as an ETag; writes must
// send it back in If-Match. Missing -> 428, stale -> 409 (raised by the service).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, conflict, preconditionRequired } from './errors.js';
import { messages } from './messages.js';

export function requireIfMatch(request: FastifyRequest): number {
  const raw = request.headers['if-match'];
  if (raw === undefined || raw === '') throw preconditionRequired(messages.ifMatchRequired);
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(String(raw).trim());
  if (!m) throw badRequest(messages.ifMatchRequired, { header: 'If-Match' }, 'precondition.invalid');
  return Number(m[1]);
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** 409 carrying the current version, so the client can reload and retry. */
export function staleVersion(currentVersion: number, extra?: Record<string, unknown>) {
  return conflict(messages.stale, { currentVersion, ...extra }, 'version.stale');
}
