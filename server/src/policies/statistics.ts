import { type Actor, has } from './actor.js';
import { canCase } from './case.js';

/**
 * Aggregates of every agency of the country are the data officer's and the regional
 * coordinator's (DESIGN.md §1: aggregates only, never names); the database asks the same of
 * the `stats` scope derived from this permission.
 */
export const canReadStatistics = (actor: Pick<Actor, 'permissions'>) => has(actor, 'stats:read');

/**
 * The cases behind a figure's cell, for a reader of figures who also works with cases: only
 * those she may already list (row-level security decides, inside the counting function too).
 */
export const canListFigureCases = (actor: Actor) => canReadStatistics(actor) && canCase(actor, 'list');
