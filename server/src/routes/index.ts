import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.js';
import { agencyRoutes } from './admin/agencies.js';
import { auditRoutes } from './admin/audit.js';
import { groupRoutes } from './admin/groups.js';
import { roleRoutes } from './admin/roles.js';
import { userRoutes } from './admin/users.js';
import { authRoutes } from './auth/auth.js';
import { caseRoutes } from './cases/cases.js';
import { directoryRoutes } from './directory.js';
import { healthRoutes } from './health.js';

export function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  for (const register of [healthRoutes, authRoutes, agencyRoutes, userRoutes, roleRoutes, groupRoutes, auditRoutes, directoryRoutes, caseRoutes]) {
    register(app, deps);
  }
}
