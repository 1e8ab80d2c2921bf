import accessibility from './accessibility.json';
import accounts from './accounts.json';
import administration from './administration.json';
import assessments from './assessments.json';
import carePlan from './carePlan.json';
import caseload from './caseload.json';
import caseMeetings from './caseMeetings.json';
import caseRecord from './caseRecord.json';
import configuration from './configuration.json';
import confirm from './confirm.json';
import connection from './connection.json';
import crossBorderReferral from './crossBorderReferral.json';
import dateInput from './dateInput.json';
import documents from './documents.json';
import drafts from './drafts.json';
import federation from './federation.json';
import fieldChecks from './fieldChecks.json';
import followUp from './followUp.json';
import globalCollection from './globalCollection.json';
import home from './home.json';
import htcdsExchange from './htcdsExchange.json';
import identification from './identification.json';
import journey from './journey.json';
import languages from './languages.json';
import layout from './layout.json';
import matching from './matching.json';
import matchingScope from './matchingScope.json';
import mergeRequests from './mergeRequests.json';
import notifications from './notifications.json';
import onboarding from './onboarding.json';
import reconciliation from './reconciliation.json';
import referrals from './referrals.json';
import regionalStatistics from './regionalStatistics.json';
import repatriation from './repatriation.json';
import serviceDirectory from './serviceDirectory.json';
import shelters from './shelters.json';
import statisticCases from './statisticCases.json';
import statisticReports from './statisticReports.json';
import statistics from './statistics.json';
import translation from './translation.json';
import vocabulary from './vocabulary.json';

/**
 * The English catalogue, one file per area so that areas can be edited independently. Every
 * file has its own top-level key; other languages mirror the same files.
 */
export const en = {
  ...translation,
  ...administration,
  ...connection,
  ...home,
  ...layout,
  ...accessibility,
  ...vocabulary,
  ...languages,
  ...identification,
  ...matching,
  ...mergeRequests,
  ...caseload,
  ...caseRecord,
  ...journey,
  ...caseMeetings,
  ...configuration,
  ...followUp,
  ...carePlan,
  ...assessments,
  ...htcdsExchange,
  ...accounts,
  ...notifications,
  ...referrals,
  ...repatriation,
  ...crossBorderReferral,
  ...federation,
  ...shelters,
  ...statistics,
  ...statisticCases,
  ...statisticReports,
  ...reconciliation,
  ...globalCollection,
  ...regionalStatistics,
  ...serviceDirectory,
  ...documents,
  ...fieldChecks,
  ...dateInput,
  ...onboarding,
  ...drafts,
  ...confirm,
  ...matchingScope,
};
export type Catalogue = typeof en;
