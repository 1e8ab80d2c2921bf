/*
 * The case list's filter and sort words, apart from the schemas that use them: the web's first
 * screens import these, and a module of schemas would bring zod along with them.
 */

export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const CASE_SORTS = [
  'openedAt',
  '-openedAt',
  'updatedAt',
  '-updatedAt',
  'reference',
  '-reference',
  'identificationDueOn',
  '-identificationDueOn',
] as const;

export const CASE_SCOPES = ['all', 'mine', 'team'] as const;
