import accounts from './accounts.json';
import caseload from './caseload.json';
import caseRecord from './caseRecord.json';
import configuration from './configuration.json';
import followUp from './followUp.json';
import htcdsExchange from './htcdsExchange.json';
import identification from './identification.json';
import matching from './matching.json';
import mergeRequests from './mergeRequests.json';
import translation from './translation.json';
import vocabulary from './vocabulary.json';

/**
 * The English catalogue, one file per area so that areas can be edited independently. Every
 * file has its own top-level key; other languages mirror the same files.
 */
export const en = {
  ...translation,
  ...vocabulary,
  ...identification,
  ...matching,
  ...mergeRequests,
  ...caseload,
  ...caseRecord,
  ...configuration,
  ...followUp,
  ...htcdsExchange,
  ...accounts,
};
export type Catalogue = typeof en;
