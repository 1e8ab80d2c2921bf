import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

/**
 * Capabilities the row-level security policies test with `app_has_scope()`. They are derived
 * from permissions in one place (policies/actor.ts) so SQL and TypeScript cannot drift.
 */
export type DbScope =
  | 'agencies_admin'
  | 'roles_admin'
  | 'users_admin'
  | 'users_all'
  | 'audit_agency'
  | 'audit_all'
  | 'forms_admin'
  | 'persons_admin'
  | 'break_glass'
  | 'directory_manage'
  | 'directory_any'
  | 'stats'
  | 'htcds_export'
  | 'federation_admin';

export type DbActor = { userId: string; agencyId: string; scopes: readonly DbScope[] };

/**
 * Runs `work` in a transaction as the `seamless_app` role with the actor's identity set, so
 * PostgreSQL's row-level security decides what the queries can see and change.
 */
export function asActor<T>(db: Db, actor: DbActor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(settingsOf(actor));
    return work(tx as Tx);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCOPE = /^[a-z_]+$/;

/**
 * One statement for the identity and the role (setting `role` is SET LOCAL ROLE). Written out
 * without parameters when every value has its expected form (ids, scope names), so PostgreSQL's
 * connection sends it with the transaction's `begin` in one round trip (deferredBegin.ts).
 */
function settingsOf(actor: DbActor): SQL {
  const scopes = actor.scopes.join(',');
  if (UUID.test(actor.userId) && UUID.test(actor.agencyId) && actor.scopes.every((scope) => SCOPE.test(scope))) {
    return sql.raw(
      `select set_config('app.user_id', '${actor.userId}', true), set_config('app.agency_id', '${actor.agencyId}', true), set_config('app.scopes', '${scopes}', true), set_config('role', 'seamless_app', true)`,
    );
  }
  return sql`select set_config('app.user_id', ${actor.userId}, true), set_config('app.agency_id', ${actor.agencyId}, true), set_config('app.scopes', ${scopes}, true), set_config('role', 'seamless_app', true)`;
}

/**
 * Runs `work` as the schema owner, outside row-level security. Only for what happens before
 * anyone is signed in (sign-in, sessions), migrations, seeding and jobs.
 */
export function asSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => work(tx as Tx));
}
