/** Campaign's datetime format: `YYYY-MM-DD HH:MM:SS.mmmZ`, UTC. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ');
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Whole years since birthDate on the UTC day of `now`; 0 without a birth date (our choice; Campaign's is undocumented). */
export function ageOn(birthDate: string, now: number): number {
  if (!isValidDate(birthDate)) return 0;
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const today = new Date(now);
  const hadBirthday = today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return Math.max(0, today.getUTCFullYear() - year - (hadBirthday ? 0 : 1));
}
