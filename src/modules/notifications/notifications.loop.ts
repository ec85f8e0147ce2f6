// Until the durable job queue (issue 18) is merged, one interval per instance scans deadlines and
// delivers pending e-mails. Both steps are safe to run on every instance at once: the scan inserts
// with unique event keys, the delivery claims rows with FOR UPDATE SKIP LOCKED.
import type { FastifyInstance } from 'fastify';
import { createMailer } from './notifications.mailer.js';
import { deliverNotifications, scanDeadlines } from './notifications.service.js';

export function startNotificationLoop(app: FastifyInstance): () => void {
  const { config } = app;
  if (config.NOTIFY_INTERVAL_SECONDS === 0) return () => {};
  const mailer = createMailer(config);
  const log = app.log.child({ module: 'notifications' });
  if (!mailer) log.info({}, 'SMTP_HOST is not set: notification e-mails are off, in-app notices work');
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await scanDeadlines(app.database.db, { daysBefore: config.REMINDER_DAYS_BEFORE });
      await deliverNotifications(app.database.db, mailer, log, {
        from: config.SMTP_FROM,
        ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
      });
    } catch (err) {
      log.warn({ err }, 'notification round failed; retried at the next interval');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, config.NOTIFY_INTERVAL_SECONDS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
