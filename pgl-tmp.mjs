import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
const dist = 'node_modules/@electric-sql/pglite/dist/';
let t=performance.now();
const mod = await WebAssembly.compile(readFileSync(dist+'pglite.wasm'));
const fsBundle = new Blob([readFileSync(dist+'pglite.data')]);
console.log('compile', performance.now()-t); t=performance.now();
const a = await PGlite.create({ pgliteWasmModule: mod, fsBundle });
console.log('create', performance.now()-t); t=performance.now();
await a.query('create table x(a int)');
const dump = await a.dumpDataDir('none');
console.log('dump', performance.now()-t, dump.size); t=performance.now();
for (let i=0;i<3;i++){ const b = await PGlite.create({ loadDataDir: dump, pgliteWasmModule: mod, fsBundle }); console.log('load', performance.now()-t); t=performance.now(); await b.close(); }
const gz = await a.dumpDataDir('gzip'); console.log('gz', gz.size, performance.now()-t); t=performance.now();
const b = await PGlite.create({ loadDataDir: gz, pgliteWasmModule: mod, fsBundle }); console.log('loadgz', performance.now()-t);
