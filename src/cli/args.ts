// Command-line options of the scripts in src/cli: `--name=value`, or `--name` alone for a flag.
// Scripts take options, not environment variables: src/config.ts stays the only reader of process.env.
export function arg(name: string): string | undefined {
  for (const a of process.argv.slice(2)) {
    if (a === `--${name}`) return 'true';
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

export const numberArg = (name: string, fallback: number): number => {
  const raw = arg(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return n;
};
