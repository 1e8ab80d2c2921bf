import { describe, expect, it } from 'vitest';
import { MATCH_STRENGTHS, MatchTable } from './matchTable.js';

describe('MatchTable', () => {
  it('lets a stronger written form win over a weaker one', () => {
    const table = new MatchTable();
    table.add('Other', 'Other', MATCH_STRENGTHS.label);
    table.add('other', 'Unknown', MATCH_STRENGTHS.variant);
    table.add('OTHER', 'Something', MATCH_STRENGTHS.name);
    expect(table.find('other')).toEqual({ value: 'Something', ambiguous: false });
  });

  it('marks one label of two values as ambiguous, keeping the first', () => {
    const table = new MatchTable();
    table.add('Closed', 'Closed', MATCH_STRENGTHS.label);
    table.add('closed', 'ClosedReferred', MATCH_STRENGTHS.label);
    table.add('Closed', 'Closed', MATCH_STRENGTHS.label);
    expect(table.find('closed')).toEqual({ value: 'Closed', ambiguous: true });
  });

  it('suggests only values written closely alike, never by a code', () => {
    const table = new MatchTable();
    table.add('Sexual exploitation', 'SexualExploitation', MATCH_STRENGTHS.label);
    table.add('Forced labour', 'ForcedLabour', MATCH_STRENGTHS.label);
    table.add('abc', 'Code', MATCH_STRENGTHS.name, false);
    expect(table.closest('sexualexploitaton')).toBe('SexualExploitation');
    expect(table.closest('laborforced')).toBe('ForcedLabour');
    expect(table.closest('abd')).toBeUndefined();
    expect(table.closest('pizza')).toBeUndefined();
  });
});
