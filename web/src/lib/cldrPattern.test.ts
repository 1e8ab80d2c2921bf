import { describe, expect, it } from 'vitest';
import { type DateSymbols, formatPattern } from './cldrPattern';

const english: DateSymbols = {
  monthsAbbreviated: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  monthsWide: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  am: 'AM',
  pm: 'PM',
};

describe('formatPattern', () => {
  const morning = new Date(2026, 2, 5, 9, 7, 3);
  const afternoon = new Date(2026, 11, 16, 13, 45);

  it('reads day, month and year fields by their width', () => {
    expect(formatPattern('d/M/y', morning, english)).toBe('5/3/2026');
    expect(formatPattern('dd.MM.yy', morning, english)).toBe('05.03.26');
    expect(formatPattern('MMM d, y', afternoon, english)).toBe('Dec 16, 2026');
    expect(formatPattern('MMMM d, yyyy', morning, english)).toBe('March 5, 2026');
    expect(formatPattern('yyyy', new Date(987, 0, 1), english)).toBe('0987');
  });

  it('reads 12- and 24-hour clocks', () => {
    expect(formatPattern('h:mm a', morning, english)).toBe('9:07 AM');
    expect(formatPattern('hh:mm:ss a', afternoon, english)).toBe('01:45:00 PM');
    expect(formatPattern('h a', new Date(2026, 0, 1, 0, 0), english)).toBe('12 AM');
    expect(formatPattern('h a', new Date(2026, 0, 1, 12, 0), english)).toBe('12 PM');
    expect(formatPattern('H:mm', morning, english)).toBe('9:07');
    expect(formatPattern('HH:mm', morning, english)).toBe('09:07');
  });

  it('keeps quoted text literal', () => {
    expect(formatPattern("h 'o''clock' a", morning, english)).toBe("9 o'clock AM");
    expect(formatPattern("d MMM ''yy", morning, english)).toBe("5 Mar '26");
    expect(formatPattern("'Day' d 'at' H'h'", morning, english)).toBe('Day 5 at 9h');
  });

  it('declines a field it does not know, for the caller to fall back to Intl', () => {
    expect(formatPattern('EEEE d MMMM y', morning, english)).toBeUndefined();
    expect(formatPattern('MMMMM', morning, english)).toBeUndefined();
  });
});
