/** The case page's tabs, in order; the current one is kept in the URL hash so a link or reload keeps it. */
export const CASE_TABS = [
  'overview',
  'identification',
  'consent',
  'notes',
  'timeline',
  'care',
  'followUp',
  'shelter',
  'referrals',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export function tabFromHash(hash: string | undefined): CaseTab {
  const name = (hash ?? '').replace(/^#/, '');
  return (CASE_TABS as readonly string[]).includes(name) ? (name as CaseTab) : 'overview';
}
