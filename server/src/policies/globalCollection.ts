import { type Actor, has } from './actor.js';
import { canReadStatistics } from './statistics.js';

/**
 * The k-anonymised export for global data collections is microdata: even generalised, each row
 * tells which age band, citizenship and forms of exploitation went together for one victim, and
 * the file leaves the country. That is more than the suppressed tables of `stats:read` show, so it
 * also takes `export:htcds`, the permission to take records out of the system (the data officer
 * holds both; the statistics approver and the regional coordinator read figures only). The
 * database asks the same of the two scopes these permissions give.
 */
export const canExportForGlobalCollections = (actor: Pick<Actor, 'permissions'>) => canReadStatistics(actor) && has(actor, 'export:htcds');
