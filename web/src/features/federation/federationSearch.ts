import { DELIVERY_STATUSES, INCOMING_STATUSES } from '@seamless/contracts';
import { oneOf } from '../../lib/oneOf';
import { pageParam } from '../../lib/searchParams';

/*
 * The federation page keeps its tab and the delivery monitor's filters in the address, so an
 * alert can link straight to the failing packets. Read in the entry bundle: vocabularies only.
 */

export const FEDERATION_TABS = ['partners', 'deliveries'] as const;
export type FederationTab = (typeof FEDERATION_TABS)[number];

export const DELIVERY_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type DeliveryDirection = (typeof DELIVERY_DIRECTIONS)[number];

export const STATUSES_BY_DIRECTION: Record<DeliveryDirection, readonly string[]> = {
  outgoing: DELIVERY_STATUSES,
  incoming: INCOMING_STATUSES,
};

export interface FederationSearch {
  tab?: FederationTab;
  direction?: DeliveryDirection;
  status?: string;
  page?: number;
}

export function validateFederationSearch(search: Record<string, unknown>): FederationSearch {
  const direction = oneOf(search.direction, DELIVERY_DIRECTIONS);
  const status = oneOf(search.status, STATUSES_BY_DIRECTION[direction ?? 'outgoing']);
  return { tab: oneOf(search.tab, FEDERATION_TABS), direction, status, page: pageParam(search.page) };
}
