import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure code), `api` (the app in-process on a real database) and `slow`
// (a real browser, child processes, finalisation of a national assessment). `npm test` runs
// unit and api; `npm run test:slow` runs slow; `npm run test:all` runs everything.
const unit = [
  'tests/config.test.ts',
  'tests/domain/**/*.test.ts',
  'tests/pipeline/**/*.test.ts',
  'tests/reports/**/*.test.ts',
  'tests/synthetic/**/*.test.ts',
  'tests/web/i18n.test.ts',
  'tests/web/format.test.ts',
  'tests/web/labels.test.ts',
  'tests/modules/campaigns/campaigns.progress.test.ts',
  'tests/modules/excel/excel.values.test.ts',
  'tests/modules/excel/excel.property.test.ts',
];
const slow = [
  'tests/lint.test.ts',
  'tests/web/e2e.test.ts',
  'tests/web/docs.e2e.test.ts',
  'tests/web/cycle.e2e.test.ts',
  'tests/web/collection.e2e.test.ts',
  'tests/server.test.ts',
  'tests/jobs-restart.test.ts',
  'tests/db/migrate.test.ts',
  'tests/modules/reports/reports.test.ts',
];

// A migrated PGlite template (tests/setup/pglite-template.ts); every integration test
// file still gets a database of its own.
const globalSetup = ['tests/setup/pglite-template.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: unit, isolate: false } },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/**/*.test.ts'],
          exclude: [...unit, ...slow],
          isolate: false,
          globalSetup,
        },
      },
      // One file at a time: the browser journeys, the server processes and finalisation are each
      // CPU-bound; run side by side on two cores they only slow each other into timeouts.
      { extends: true, test: { name: 'slow', include: slow, globalSetup, fileParallelism: false } },
    ],
  },
});
