import type { FastifyRequest } from 'fastify';
import { asActor } from '../db/actorContext.js';
import type { Db, Tx } from '../db/client.js';
import { type Actor, dbActorOf } from '../policies/actor.js';
import { actorOf } from './context.js';
import { forbidden } from './problem.js';

/**
 * A route's work as its caller, inside row-level security, once the resource's policy lets the
 * caller in at all: 401 without a session, 403 when `allowed` refuses — before any query runs.
 */
export function asPermittedActor<T>(
  db: Db,
  request: FastifyRequest,
  allowed: (actor: Actor) => boolean,
  work: (tx: Tx, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  if (!allowed(actor)) throw forbidden();
  return asActor(db, dbActorOf(actor), (tx) => work(tx, actor));
}
