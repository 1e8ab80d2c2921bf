import cronParser from 'cron-parser';

/**
 * The next time after `after` that a cron expression names on the wall clock of `tz`: the parser
 * pg-boss itself uses, so the embedded queue and pg-boss agree on when a schedule fires.
 */
export function nextCronTime(cron: string, after: Date, tz: string): Date {
  return cronParser.parseExpression(cron, { currentDate: after, tz }).next().toDate();
}
