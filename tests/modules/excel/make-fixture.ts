// Writes the pre-LibreOffice fixture template to the path given (used by tests/fixtures/excel/resave-with-libreoffice.sh).
import { writeFileSync } from 'node:fs';
import { fixtureTemplate } from './libreoffice.fixture.js';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx tests/modules/excel/make-fixture.ts <out.xlsx>');
writeFileSync(out, await fixtureTemplate());
console.log(`wrote ${out}`);
