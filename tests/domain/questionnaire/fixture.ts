// Shared paths of the hand-made fixture versions (tests/fixtures/questionnaires/).
import { fileURLToPath } from 'node:url';

export const fixtureRoot = fileURLToPath(new URL('../../fixtures/questionnaires/valid/', import.meta.url));
export const brokenRoot = fileURLToPath(new URL('../../fixtures/questionnaires/broken/', import.meta.url));
export const FIXTURE = 'fixture-v1';
export const REAL = '2024-10-order-849-410';
