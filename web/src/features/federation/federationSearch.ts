import { DELIVERY_STATUSES } from '@seamless/contracts';
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

/** What the inbox records of a packet it received: held for an earlier one, applied, or refused by its content. */
export const INCOMING_STATUSES = ['waiting', 'applied', 'refused'] as const;

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
