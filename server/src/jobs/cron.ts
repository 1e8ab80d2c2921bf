/**
 * The next time after `after` that a five-field cron expression (minute hour day-of-month month
 * day-of-week, UTC) names. Supports `*`, numbers, lists, ranges and steps — what schedules here use.
 */
const FIELDS: [min: number, max: number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

function parseField(text: string, [min, max]: [number, number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, to] =
      range === '*' ? [min, max] : range.includes('-') ? range.split('-').map(Number) : [Number(range), stepText ? max : Number(range)];
    if (![from, to, step].every(Number.isInteger) || step! < 1 || from! < min || to! > max || from! > to!)
      throw new Error(`invalid cron field "${text}"`);
    for (let value = from!; value <= to!; value += step) values.add(value);
  }
  return values;
}

export function parseCron(cron: string): Set<number>[] {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`a cron expression has five fields: "${cron}"`);
  return parts.map((part, index) => parseField(part, FIELDS[index]!));
}

export function nextCronTime(cron: string, after: Date): Date {
  const [minutes, hours, days, months, weekdays] = parseCron(cron) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const at = new Date(after);
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(at.getUTCMinutes() + 1);
  // A year of minutes bounds the search; any valid expression matches well within it.
  for (let i = 0; i < 366 * 24 * 60; i += 1) {
    if (
      months.has(at.getUTCMonth() + 1) &&
      days.has(at.getUTCDate()) &&
      weekdays.has(at.getUTCDay()) &&
      hours.has(at.getUTCHours()) &&
      minutes.has(at.getUTCMinutes())
    )
      return at;
    at.setUTCMinutes(at.getUTCMinutes() + 1);
  }
  throw new Error(`cron expression "${cron}" never matches`);
}
