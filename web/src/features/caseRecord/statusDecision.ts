import type {
  AgencyDirectoryEntry,
  AgencyFunction,
  IdentificationProcedure,
  Interview,
  StatusDecisionRecord,
  TraffickingStatus,
} from '@seamless/contracts';

/**
 * The statuses a decision may move a case to. Identification goes step by step — potential,
 * presumed, identified — or ends in "not a victim"; an identified status is never changed here
 * (only an administrator's correction can), and "not a victim" can be reopened as potential.
 */
const NEXT_STATUSES: Readonly<Record<TraffickingStatus, readonly TraffickingStatus[]>> = {
  Potential: ['Presumed', 'NotAVictim'],
  Presumed: ['Identified', 'NotAVictim'],
  Identified: [],
  NotAVictim: ['Potential'],
};

export function nextStatuses(current: TraffickingStatus): readonly TraffickingStatus[] {
  return NEXT_STATUSES[current];
}

/**
 * The decision whose certificate can be printed: the one in force, if it made the person a
 * presumed or identified victim. An earlier decision, since replaced, certifies nothing any more.
 */
export function certifiableDecisionId(
  decisions: readonly Pick<StatusDecisionRecord, 'id' | 'toStatus' | 'recordedAt'>[],
  currentStatus: TraffickingStatus,
): string | null {
  const inForce = [...decisions].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
  if (!inForce || inForce.toStatus !== currentStatus) return null;
  return inForce.toStatus === 'Presumed' || inForce.toStatus === 'Identified' ? inForce.id : null;
}

/** Functions of the agencies the country's procedure lets record a move to this status. */
export function competentFunctions(
  procedure: Pick<IdentificationProcedure, 'decidingAgencyFunctions' | 'preliminaryAgencyFunctions'>,
  toStatus: TraffickingStatus | null,
): readonly AgencyFunction[] | null {
  if (toStatus === 'Identified') return procedure.decidingAgencyFunctions;
  if (toStatus === 'Presumed') return [...new Set([...procedure.preliminaryAgencyFunctions, ...procedure.decidingAgencyFunctions])];
  return null;
}

/** Agencies that may decide, those of the case's country first; every agency when the procedure does not restrict it. */
export function decidingAgencies(
  agencies: readonly AgencyDirectoryEntry[],
  functions: readonly AgencyFunction[] | null,
  countryCode: string,
): AgencyDirectoryEntry[] {
  const allowed = functions ? agencies.filter((agency) => functions.includes(agency.agencyFunction)) : [...agencies];
  return allowed.sort((a, b) => Number(b.countryCode === countryCode) - Number(a.countryCode === countryCode));
}

/** Interviews a decision may rest on: completed ones, latest first (a draft is not yet a record to decide on). */
export function decisionInterviews<Item extends Pick<Interview, 'status' | 'conductedOn' | 'updatedAt'>>(
  interviews: readonly Item[],
): Item[] {
  return interviews
    .filter((interview) => interview.status === 'completed')
    .sort((a, b) => b.conductedOn.localeCompare(a.conductedOn) || b.updatedAt.localeCompare(a.updatedAt));
}
