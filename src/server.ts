// Starts the server and shuts it down cleanly: in-flight requests finish on SIGTERM/SIGINT.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { startNotifications } from './modules/notifications/notifications.jobs.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}

const app = await buildApp({ config }).catch((err: Error) => {
  process.stderr.write(`Start failed: ${err.message}\n`);
  process.exit(1);
});

// Deadline reminders and notification e-mails: a recurring job on the queue (any instance runs it).
await startNotifications(app);

let closing = false;
// Fastify stops accepting connections and lets in-flight requests finish, but a
// client's keep-alive connection would then hold the process open until it times
// out (72 s): during shutdown, close each connection as soon as it is idle.
app.server.on('request', (_req, res) => {
  res.on('finish', () => {
    if (closing) setImmediate(() => app.server.closeIdleConnections());
  });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port: config.PORT, host: config.HOST });
