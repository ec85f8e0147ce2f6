// Serves the browser application (plain ES modules, no build step) from src/web/public.
// Known files are served as they are; any other GET outside /api and /docs gets
// index.html so that deep links of the single-page application work on reload.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** Relative paths (with forward slashes) of every file under the public folder, read once at start. */
function publicFiles(): Set<string> {
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return new Set(
    entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')),
  );
}

const reserved = /^\/(api|docs)(\/|$)/;

export async function webPlugin(app: FastifyInstance): Promise<void> {
  const files = publicFiles();
  // serve: false — the routes below decide what is served, so each declares its access.
  await app.register(fastifyStatic, { root, serve: false });

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0];
    if (reserved.test(pathname)) return reply.callNotFound();
    let relative: string;
    try {
      relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return reply.callNotFound();
    }
    if (files.has(relative)) {
      // Modules and styles change with each release; let the browser revalidate them.
      return reply.header('cache-control', 'no-cache').sendFile(relative);
    }
    // A missing asset (has an extension) is a real 404; a page path gets the application shell.
    if (path.extname(relative) !== '') return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
}
