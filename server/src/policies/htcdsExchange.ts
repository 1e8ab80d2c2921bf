import { CASE_SECTIONS, type CaseSection, type HtcdsColumn } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canReadSection } from './case.js';

/** Importing writes cases owned by the actor's own agency; the permission is the data officer's. */
export const canImportHtcds = (actor: Actor) => has(actor, 'import:htcds');

/**
 * A data officer sees no names (DESIGN.md §1), except in the records of an import she ran
 * herself: she held that file, and checks that it arrived. Colleagues' imports stay closed.
 */
export const canReviewImportRecords = (actor: Actor, job: { userId: string }) => canImportHtcds(actor) && job.userId === actor.userId;

export const canExportHtcds = (actor: Actor) => has(actor, 'export:htcds');

/** Identity columns leave the system only for those explicitly allowed to take them out. */
export const canExportIdentities = (actor: Actor) => canExportHtcds(actor) && has(actor, 'export:identities');

/**
 * What of one case goes into an export: a case the agency works on (never one reached only by
 * breaking the glass); identity columns with the export-identities permission and the identity
 * section open to the agency; the other sections as the actor may read them.
 */
export function exportableSections(actor: Actor, involvement: CaseInvolvement, identities: boolean): Set<CaseSection> | null {
  if (!involvement || involvement.kind === 'break_glass') return null;
  const sections = new Set<CaseSection>();
  const agencyHas = (section: CaseSection) => involvement.kind === 'owner' || involvement.sections.includes(section);
  if (identities && canExportIdentities(actor) && agencyHas('identity')) sections.add('identity');
  for (const section of CASE_SECTIONS.filter((candidate) => candidate !== 'identity')) {
    if (canReadSection(actor, section, { ...involvement, breakGlassUntil: null })) sections.add(section);
  }
  return sections;
}

/**
 * Whether a column of one case's row is filled. Free text and places below the province can
 * name or locate the person whatever their section, so they leave only with her identity.
 */
export const exportedColumn = (column: HtcdsColumn, sections: ReadonlySet<CaseSection>) =>
  (!column.section || sections.has(column.section)) && (!column.identifying || sections.has('identity'));

/** The keys of a `json` column's records left out of one case's row, for the same reason. */
export const withheldKeys = (column: HtcdsColumn, sections: ReadonlySet<CaseSection>): readonly string[] =>
  sections.has('identity') ? [] : Object.keys(column.identifyingKeys ?? {});

/**
 * What an import kept as written can be words that name or locate the person: it is read like
 * her identity on the case.
 */
export const canReadKeptValues = (actor: Actor, involvement: CaseInvolvement) => canReadSection(actor, 'identity', involvement);
