import { describe, expect, it } from 'vitest';
import { followUpCompliance, followUpDates, localToday, visitMonthOffsets, visitStatus } from './schedule.js';

const THAI_STANDARD = [
  { everyMonths: 1, times: 3 },
  { everyMonths: 3, untilMonths: 12 },
];

describe('visitMonthOffsets', () => {
  it('gives the Thai standard: monthly for three months, then quarterly up to a year', () => {
    expect(visitMonthOffsets(THAI_STANDARD)).toEqual([1, 2, 3, 6, 9, 12]);
  });

  it('continues each stretch from where the last ended, and stops at its limit', () => {
    expect(
      visitMonthOffsets([
        { everyMonths: 1, times: 3 },
        { everyMonths: 3, untilMonths: 12 },
        { everyMonths: 6, untilMonths: 24 },
      ]),
    ).toEqual([1, 2, 3, 6, 9, 12, 18, 24]);
    expect(visitMonthOffsets([{ everyMonths: 5, untilMonths: 12 }])).toEqual([5, 10]);
  });

  it('never plans more than 120 visits', () => {
    expect(
      visitMonthOffsets([
        { everyMonths: 1, times: 60 },
        { everyMonths: 1, times: 60 },
        { everyMonths: 1, times: 60 },
      ]),
    ).toHaveLength(120);
  });
});

describe('followUpDates', () => {
  it('counts calendar months from the start: 31 January gives the end of February, then 31 March', () => {
    expect(followUpDates('2027-01-31', THAI_STANDARD)).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-07-31',
      '2027-10-31',
      '2028-01-31',
    ]);
  });

  it('lands on 29 February in a leap year', () => {
    expect(followUpDates('2028-01-31', [{ everyMonths: 1, times: 1 }])).toEqual(['2028-02-29']);
  });

  it('starting on 29 February 2028 falls back to 28 February in the following common year', () => {
    expect(followUpDates('2028-02-29', THAI_STANDARD)).toEqual([
      '2028-03-29',
      '2028-04-29',
      '2028-05-29',
      '2028-08-29',
      '2028-11-29',
      '2029-02-28',
    ]);
  });

  it('crosses the year end', () => {
    expect(followUpDates('2026-11-30', [{ everyMonths: 1, times: 3 }])).toEqual(['2026-12-30', '2027-01-30', '2027-02-28']);
  });
});

describe('localToday', () => {
  const lateEvening = new Date('2026-03-31T23:30:00Z');

  it.each([
    ['TH', '2026-04-01'],
    ['KH', '2026-04-01'],
    ['LA', '2026-04-01'],
    ['VN', '2026-04-01'],
    ['MM', '2026-04-01'],
  ])('23:30 UTC is already the next day in %s', (country, day) => {
    expect(localToday(country, lateEvening)).toBe(day);
  });

  it('Yangon is half an hour behind Bangkok: 17:15 UTC is still the same day there, not in Bangkok', () => {
    const at = new Date('2026-03-31T17:15:00Z');
    expect(localToday('TH', at)).toBe('2026-04-01');
    expect(localToday('MM', at)).toBe('2026-03-31');
  });

  it('a start recorded in the early morning in Bangkok plans from the Thai date', () => {
    const recordedAt = new Date('2027-01-30T17:30:00Z'); // 31 January, 00:30 in Bangkok
    expect(followUpDates(localToday('TH', recordedAt), [{ everyMonths: 1, times: 1 }])).toEqual(['2027-02-28']);
  });
});

describe('visitStatus', () => {
  const visit = (scheduledOn: string | null, actualOn: string | null = null, cancelled = false) => ({ scheduledOn, actualOn, cancelled });

  it('is upcoming before its day, due on it and through the grace days, missed the day after', () => {
    expect(visitStatus(visit('2026-05-10'), '2026-05-09', 7)).toBe('upcoming');
    expect(visitStatus(visit('2026-05-10'), '2026-05-10', 7)).toBe('due');
    expect(visitStatus(visit('2026-05-10'), '2026-05-17', 7)).toBe('due');
    expect(visitStatus(visit('2026-05-10'), '2026-05-18', 7)).toBe('missed');
  });

  it('counts the grace across a month end and with no grace at all', () => {
    expect(visitStatus(visit('2026-02-25'), '2026-03-04', 7)).toBe('due');
    expect(visitStatus(visit('2026-02-25'), '2026-03-05', 7)).toBe('missed');
    expect(visitStatus(visit('2026-02-25'), '2026-02-26', 0)).toBe('missed');
  });

  it('a recorded visit is done and a cancelled one stays cancelled, whatever the day', () => {
    expect(visitStatus(visit('2026-05-10', '2026-06-30'), '2026-07-01', 7)).toBe('done');
    expect(visitStatus(visit('2026-05-10', null, true), '2026-07-01', 7)).toBe('cancelled');
  });
});

describe('followUpCompliance', () => {
  it('counts visits due so far, made, missed and those outside the plan', () => {
    const today = '2026-06-20';
    const visits = [
      { sequence: 1, scheduledOn: '2026-03-01', actualOn: '2026-03-02', cancelled: false },
      { sequence: 2, scheduledOn: '2026-04-01', actualOn: null, cancelled: false },
      { sequence: 3, scheduledOn: '2026-06-15', actualOn: null, cancelled: false },
      { sequence: 4, scheduledOn: '2026-09-01', actualOn: null, cancelled: false },
      { sequence: 5, scheduledOn: '2026-05-01', actualOn: null, cancelled: true },
      { sequence: null, scheduledOn: null, actualOn: '2026-05-20', cancelled: false },
    ];
    expect(followUpCompliance(visits, today, 7)).toEqual({ dueSoFar: 3, done: 1, missed: 1, unscheduled: 1 });
  });
});
