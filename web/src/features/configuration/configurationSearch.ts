/*
 * The forms-and-picklists overview keeps its country and tab in the URL. Read in the entry bundle,
 * so nothing here may import the contracts' schemas.
 */

export const CONFIGURATION_TABS = ['forms', 'picklists'] as const;
export type ConfigurationTab = (typeof CONFIGURATION_TABS)[number];

export interface ConfigurationSearch {
  country?: string;
  tab?: ConfigurationTab;
}

const COUNTRY_CODE = /^[A-Z]{2}$/;

export function validateConfigurationSearch(search: Record<string, unknown>): ConfigurationSearch {
  const country = typeof search.country === 'string' && COUNTRY_CODE.test(search.country) ? search.country : undefined;
  const tab = CONFIGURATION_TABS.find((candidate) => candidate === search.tab);
  return { country, tab };
}
