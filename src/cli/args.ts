// Command-line options of the scripts in src/cli: `--name=value`, or `--name` alone for a flag.
// Scripts take options, not environment variables: src/config.ts stays the only reader of process.env.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ args: process.argv.slice(2), strict: false });

export function arg(name: string): string | undefined {
  const v = values[name];
  return v === undefined ? undefined : String(v);
}

export const numberArg = (name: string, fallback: number): number => {
  const raw = arg(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return n;
};
