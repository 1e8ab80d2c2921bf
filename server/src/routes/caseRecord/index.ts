import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { attachmentRoutes } from './attachments.js';
import { commentRoutes } from './comments.js';
import { eventRoutes } from './events.js';
import { perpetratorRoutes } from './perpetrators.js';
import { timelineRoutes } from './timeline.js';

/** The parts of a case record beside the case itself: trafficking events, perpetrators, comments, files, timeline. */
export function caseRecordPartsRoutes(app: FastifyInstance, deps: AppDeps) {
  eventRoutes(app, deps);
  perpetratorRoutes(app, deps);
  commentRoutes(app, deps);
  attachmentRoutes(app, deps);
  timelineRoutes(app, deps);
}
