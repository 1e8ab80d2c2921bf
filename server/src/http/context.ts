import type { SessionStage } from '@seamless/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/record.js';
import type { AuthState } from '../auth/sessionStore.js';
import type { Actor } from '../policies/actor.js';
import { AppError } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Session stages allowed to call the route; 'public' needs no session. Default: ['active']. */
    stages?: readonly SessionStage[] | 'public';
  }
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError(401, 'unauthenticated', 'Sign in first.');
  return request.auth.actor;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  const actor = request.auth?.actor;
  return {
    requestId: request.id,
    actor: actor ? { userId: actor.userId, username: actor.username, agencyId: actor.agencyId } : null,
  };
}
