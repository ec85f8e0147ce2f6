// The layer rule and the cycle rule of biome.json hold: a probe file that imports up a
// layer, or two that import each other, fail `biome lint`. The probes live in src/ for the
// moment of the check only (the rules are per folder), under names nothing else imports.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const biome = path.resolve('node_modules/.bin/biome');

function lint(files: Record<string, string>): string {
  const paths = Object.keys(files).map((f) => path.resolve(f));
  try {
    for (const [f, text] of Object.entries(files)) writeFileSync(path.resolve(f), text);
    const run = spawnSync(biome, ['lint', '--max-diagnostics=50', ...paths], { encoding: 'utf8' });
    return `${run.status}\n${run.stdout}${run.stderr}`;
  } finally {
    for (const p of paths) rmSync(p, { force: true });
  }
}

const tag = `${process.pid}`;

describe('lint rules', () => {
  it('refuse an import that runs back up the layers', () => {
    const out = lint({
      [`src/domain/lint-probe-${tag}.ts`]:
        "import { getUser } from '../modules/users/users.service.js';\nexport const probe = getUser;\n",
    });
    expect(out).toContain('noRestrictedImports');
    expect(out.startsWith('0\n')).toBe(false);
  });

  it('refuse an import cycle', () => {
    const a = `lint-probe-a-${tag}`;
    const b = `lint-probe-b-${tag}`;
    const out = lint({
      [`src/shared/${a}.ts`]: `import { b } from './${b}.js';\nexport const a = () => b;\n`,
      [`src/shared/${b}.ts`]: `import { a } from './${a}.js';\nexport const b = () => a;\n`,
    });
    expect(out).toContain('noImportCycles');
  });

  it('accept the same import where the layers allow it', () => {
    const out = lint({
      [`src/modules/lint-probe-${tag}.ts`]:
        "import { getUser } from './users/users.service.js';\nexport const probe = getUser;\n",
    });
    expect(out).not.toContain('noRestrictedImports');
    expect(out).not.toContain('noImportCycles');
  });
});
