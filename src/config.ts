// The only reader of process.env. Parsed once with zod; a bad variable stops the
// start with a message naming it.
import { z } from 'zod';

const boolish = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL: z
      .string()
      .regex(/^\d+[smhd]$/, 'like 9h or 30m')
      .default('9h'),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(2 * 1024 * 1024),
    UPLOAD_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: z.coerce.number().int().positive().default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    LOGIN_BACKOFF_AFTER_FAILURES: z.coerce.number().int().positive().default(20),
    LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().positive().max(86_400).default(300),
    TRUST_PROXY: boolish.default(false),
    AUDIT_REFUSALS_WINDOW_SECONDS: z.coerce.number().int().positive().max(86_400).default(300),
    AUDIT_REFUSALS_MAX_ROWS: z.coerce.number().int().min(2).max(100_000).default(200),
    RATE_LIMIT_HEAVY_MAX: z.coerce.number().int().positive().default(10),
    RATE_LIMIT_HEAVY_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
    RATE_LIMIT_HEAVY_CONCURRENCY: z.coerce.number().int().positive().default(4),
    // Notifications (issue 20): e-mail is off while SMTP_HOST is unset; in-app notices work regardless.
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
    SMTP_SECURE: boolish.default(false),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    SMTP_FROM: z.string().min(3).default('ctip-risk-assessment@localhost'),
    /** Address of the web application, for links in e-mails. */
    PUBLIC_URL: z.string().url().optional(),
    /** How often an instance scans for deadline reminders and delivers pending notifications (0: never). */
    NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    /** Days before the deadline a reminder goes to recipients that have not submitted. */
    REMINDER_DAYS_BEFORE: z.coerce.number().int().min(1).max(60).default(3),
    /** Run queued jobs in this instance (false: only enqueue; another instance or a test runs them). */
    JOBS_RUNNER: boolish.default(true),
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    JOBS_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(500),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_PASSWORD'], message: 'SMTP_USER and SMTP_PASSWORD go together' });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, ...overrides };
}
