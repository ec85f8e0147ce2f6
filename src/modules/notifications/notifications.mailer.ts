// The SMTP transport (nodemailer) from the configuration; null when SMTP_HOST is unset, which
// turns e-mail off while in-app notices keep working.
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Mailer } from './notifications.service.js';

export function createMailer(config: Config): Mailer | null {
  if (!config.SMTP_HOST) return null;
  return nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } } : {}),
  });
}
