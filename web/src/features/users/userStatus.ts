import type { User } from '@seamless/contracts';

export function isLocked(user: Pick<User, 'lockedUntil'>, now: Date = new Date()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil) > now;
}

export type UserStatus = 'active' | 'locked' | 'inactive';

export function userStatus(user: Pick<User, 'active' | 'lockedUntil'>): UserStatus {
  if (!user.active) return 'inactive';
  return isLocked(user) ? 'locked' : 'active';
}
