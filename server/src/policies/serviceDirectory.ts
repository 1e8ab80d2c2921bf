import { type Actor, has, managesWholeDirectory } from './actor.js';

/**
 * The service directory holds no victim data: every signed-in user reads it. Keeping it takes
 * `directory:manage` — for her own agency's organisation only, unless the keeper's reach is the
 * region (policies/actor.ts). Row-level security applies the same rule (migration 0009).
 */
export type DirectoryEntry = { agencyId: string | null };

export function canManageDirectoryEntry(actor: Pick<Actor, 'permissions' | 'agencyId'>, entry: DirectoryEntry): boolean {
  if (!has(actor, 'directory:manage')) return false;
  return managesWholeDirectory(actor) || (entry.agencyId !== null && entry.agencyId === actor.agencyId);
}

/** Whether the actor may add organisations at all: her agency's, or any when she keeps the whole directory. */
export const canAddDirectoryEntries = (actor: Pick<Actor, 'permissions'>) => has(actor, 'directory:manage');

/** Reminders to re-check contacts go to those who can fix them. */
export const canReviewDirectoryContacts = canAddDirectoryEntries;
