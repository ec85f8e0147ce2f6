// Writes the pre-LibreOffice fixture templates into the folder given (used by tests/fixtures/excel/resave-with-libreoffice.sh).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE, ROWS_FIXTURE, fixtureTemplate, rowsFixtureTemplate } from './libreoffice.fixture.js';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx tests/modules/excel/make-fixture.ts <folder>');
writeFileSync(path.join(out, path.basename(FIXTURE.file)), await fixtureTemplate());
writeFileSync(path.join(out, path.basename(ROWS_FIXTURE.file)), await rowsFixtureTemplate());
console.log(`wrote ${out}`);
