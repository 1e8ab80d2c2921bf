/** A navigation target: its path, and whether only that very path is it. */
export interface NavigationTarget {
  to: string;
  exact?: boolean;
}

const opens = (target: NavigationTarget, pathname: string) =>
  pathname === target.to || (!target.exact && pathname.startsWith(`${target.to === '/' ? '' : target.to}/`));

/**
 * The one entry to mark as where the reader is: the most specific that opens the path, so that
 * Reported figures (/statistics/reconciliation) is marked and Statistics (/statistics) is not.
 */
export function activeEntryOf<Entry extends NavigationTarget>(entries: readonly Entry[], pathname: string): Entry | undefined {
  return entries.filter((entry) => opens(entry, pathname)).sort((a, b) => b.to.length - a.to.length)[0];
}
