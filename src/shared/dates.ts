// Calendar dates (YYYY-MM-DD) of requests and deadlines. Kazakhstan keeps one
// time zone, UTC+5, since 2024: a deadline day ends at 24:00 there.
const KZ_OFFSET = '+05:00';

export function todayKz(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The instant the deadline day ends in Kazakhstan. */
export function deadlineEnd(deadline: string): Date {
  return new Date(`${deadline}T23:59:59.999${KZ_OFFSET}`);
}

export function isValidDate(isoDate: string): boolean {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === isoDate;
}
