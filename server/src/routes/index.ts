import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../app.js';
import { agencyRoutes } from './admin/agencies.js';
import { auditRoutes } from './admin/audit.js';
import { groupRoutes } from './admin/groups.js';
import { roleRoutes } from './admin/roles.js';
import { userRoutes } from './admin/users.js';
import { assessmentRoutes } from './assessments/assessments.js';
import { authRoutes } from './auth/auth.js';
import { carePlanRoutes } from './carePlans/carePlans.js';
import { caseMeetingRoutes } from './caseMeetings/caseMeetings.js';
import { caseRecordPartsRoutes } from './caseRecord/index.js';
import { caseRoutes } from './cases/cases.js';
import { caseWorkRoutes } from './cases/caseWork.js';
import { consentRoutes } from './consent/consent.js';
import { crossBorderReferralRoutes } from './crossBorderReferrals/crossBorderReferrals.js';
import { directoryRoutes } from './directory.js';
import { draftKeyRoutes } from './drafts/draftKey.js';
import { exportRoutes } from './exports/exports.js';
import { federationRoutes } from './federation/federation.js';
import { followUpRoutes } from './followUp/followUp.js';
import { followUpPolicyRoutes } from './followUp/policies.js';
import { formRoutes } from './forms/forms.js';
import { globalCollectionRoutes } from './globalCollection/globalCollection.js';
import { healthRoutes } from './health.js';
import { helpRoutes } from './help/help.js';
import { identificationRoutes } from './identification/identification.js';
import { importRoutes } from './imports/imports.js';
import { keptValuesRoutes } from './imports/keptValues.js';
import { demoMailRoutes } from './notifications/demoMail.js';
import { notificationRoutes } from './notifications/notifications.js';
import { personRoutes } from './persons/persons.js';
import { referralRoutes } from './referrals/referrals.js';
import { regionalStatisticsRoutes } from './regionalStatistics/regionalStatistics.js';
import { relinkageRoutes } from './relinkage/relinkage.js';
import { repatriationRoutes } from './repatriations/repatriations.js';
import { serviceDirectoryRoutes } from './serviceDirectory/serviceDirectory.js';
import { shelterRoutes } from './shelters/shelters.js';
import { statisticReportRoutes } from './statisticReports/statisticReports.js';
import { statisticSubmissionRoutes } from './statisticSubmissions/statisticSubmissions.js';
import { statisticsRoutes } from './statistics/statistics.js';
import { taskBoardRoutes } from './tasks/taskBoard.js';

/** Every route group, one per line (several people add groups at once). */
const ROUTE_GROUPS: ((app: FastifyInstance, deps: RouteDeps) => void)[] = [
  healthRoutes,
  authRoutes,
  draftKeyRoutes,
  agencyRoutes,
  userRoutes,
  roleRoutes,
  groupRoutes,
  auditRoutes,
  directoryRoutes,
  serviceDirectoryRoutes,
  caseRoutes,
  caseWorkRoutes,
  caseRecordPartsRoutes,
  consentRoutes,
  carePlanRoutes,
  assessmentRoutes,
  personRoutes,
  relinkageRoutes,
  referralRoutes,
  formRoutes,
  followUpRoutes,
  followUpPolicyRoutes,
  identificationRoutes,
  importRoutes,
  keptValuesRoutes,
  exportRoutes,
  caseMeetingRoutes,
  notificationRoutes,
  demoMailRoutes,
  taskBoardRoutes,
  shelterRoutes,
  statisticsRoutes,
  statisticReportRoutes,
  statisticSubmissionRoutes,
  regionalStatisticsRoutes,
  globalCollectionRoutes,
  federationRoutes,
  repatriationRoutes,
  crossBorderReferralRoutes,
  helpRoutes,
];

export function registerRoutes(app: FastifyInstance, deps: RouteDeps) {
  for (const register of ROUTE_GROUPS) register(app, deps);
}
