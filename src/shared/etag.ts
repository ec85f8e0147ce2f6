// Optimistic concurrency: responses carry the row version as an ETag; writes must
// send it back in If-Match. Missing -> 428, stale -> 409 (raised by the service).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ifMatchInvalid, ifMatchRequired } from './shared.errors.js';

export function requireIfMatch(request: FastifyRequest): number {
  const raw = request.headers['if-match'];
  if (raw === undefined || raw === '') throw ifMatchRequired();
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(String(raw).trim());
  if (!m) throw ifMatchInvalid();
  return Number(m[1]);
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}
