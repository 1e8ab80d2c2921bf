import { type Actor, has } from './actor.js';

/**
 * Aggregates of every agency of the country are the data officer's and the regional
 * coordinator's (DESIGN.md §1: aggregates only, never names); the database asks the same of
 * the `stats` scope derived from this permission.
 */
export const canReadStatistics = (actor: Pick<Actor, 'permissions'>) => has(actor, 'stats:read');
