/** What the demo's parts are given once agencies, accounts and cases exist: the ids to hang their records on. */
export type DemoIds = {
  caseIds: string[];
  /** Demo agency key → id. */
  agencyIds: Map<string, string>;
  /** Demo agency key → its first account. */
  userIds: Map<string, string>;
  countryCode: string;
  now: Date;
};
