// The error catalogue: every factory of every *.errors.ts file gives one stable code with
// one text per language, no two factories share a code or a text (the same refusal under two
// codes), no error is built outside those files, and the API description documents the shape.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const srcDir = path.resolve('src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
const sources = files(srcDir).filter((f) => f.endsWith('.ts'));
const errorFiles = sources.filter((f) => f.endsWith('.errors.ts'));

interface Entry {
  factory: string;
  error: AppError;
}

async function catalogue(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const file of errorFiles) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, factory] of Object.entries(mod)) {
      if (typeof factory !== 'function') continue;
      // Placeholder arguments: every factory builds its error from any value of its parameters.
      const error = (factory as (...args: unknown[]) => unknown)(...Array.from({ length: factory.length }, () => 'x'));
      expect(error, `${path.relative(srcDir, file)}: ${name}`).toBeInstanceOf(AppError);
      out.push({ factory: `${path.relative(srcDir, file)}: ${name}`, error: error as AppError });
    }
  }
  return out;
}

describe('error catalogue', () => {
  it('has one code per factory, with a Kazakh and a Russian text that differ', async () => {
    const entries = await catalogue();
    expect(entries.length).toBeGreaterThan(50);
    const byCode = new Map<string, string[]>();
    for (const { factory, error } of entries) {
      expect(error.code, factory).toMatch(/^[a-z_]+(\.[a-z0-9_]+)+$/);
      expect(error.text.kk.trim(), factory).not.toBe('');
      expect(error.text.ru.trim(), factory).not.toBe('');
      expect(error.text.kk, factory).not.toBe(error.text.ru);
      byCode.set(error.code, [...(byCode.get(error.code) ?? []), factory]);
    }
    expect([...byCode].filter(([, f]) => f.length > 1)).toEqual([]);
  });

  it('has no refusal under two codes: no two factories share a text', async () => {
    const byText = new Map<string, string[]>();
    for (const { factory, error } of await catalogue())
      byText.set(error.text.ru, [...(byText.get(error.text.ru) ?? []), factory]);
    expect([...byText].filter(([, f]) => f.length > 1)).toEqual([]);
  });

  it('is the only place errors are built', () => {
    const builders =
      /\b(badRequest|conflict|notFound|forbidden|unauthorized|unprocessable|preconditionRequired|tooManyRequests)\(/;
    const outside = sources.filter((f) => !f.endsWith('.errors.ts') && !f.endsWith(path.join('shared', 'errors.ts')));
    expect(outside.filter((f) => builders.test(readFileSync(f, 'utf8'))).map((f) => path.relative(srcDir, f))).toEqual(
      [],
    );
  });
});

describe('error responses in the API description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('every operation documents its 4xx and 5xx answers with the error shape', () => {
    const doc = t.app.swagger() as unknown as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >;
    };
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => ({ id: `${m.toUpperCase()} ${p}`, op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    for (const { id, op } of operations) {
      for (const status of ['4XX', '5XX']) {
        const schema = JSON.stringify(op.responses[status]?.content?.['application/json']?.schema ?? null);
        expect(schema, `${id} ${status}`).toContain('"code"');
        expect(schema, `${id} ${status}`).toContain('"message"');
      }
    }
  });
});
