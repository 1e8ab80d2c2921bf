import type {
  Delivery,
  federationOverviewSchema,
  KeyRotationResult,
  PacketImportResult,
  PacketRejectionRecord,
  Page,
  Partner,
  partnerRegistrationSchema,
  partnerStatusChangeSchema,
} from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody, ResponseBody } from '../../api/types';
import { download } from '../caseRecord/api';
import type { DeliveryDirection } from './federationSearch';

export type FederationOverview = ResponseBody<typeof federationOverviewSchema>;
export type PartnerRegistrationBody = RequestBody<typeof partnerRegistrationSchema>;
export type PartnerStatusBody = RequestBody<typeof partnerStatusChangeSchema>;

export interface DeliveryQuery {
  direction: DeliveryDirection;
  status?: string;
  page: number;
  pageSize: number;
}

const ADMIN = '/api/admin/federation';
const deliveryPath = (packetId: string, part: string) => `${ADMIN}/deliveries/${encodeURIComponent(packetId)}/${part}`;

export const federationApi = {
  overview: () => api.get<FederationOverview>(ADMIN),
  /** New keys for this instance, announced to every partner signed with the current ones. */
  rotateKeys: () => api.post<KeyRotationResult>(`${ADMIN}/identity/rotation`),
  register: (body: PartnerRegistrationBody) => api.post<Partner>(`${ADMIN}/partners`, body),
  changeStatus: (partnerId: string, body: PartnerStatusBody) =>
    api.post<Partner>(`${ADMIN}/partners/${encodeURIComponent(partnerId)}/status`, body),
  deliveries: (query: DeliveryQuery) => api.get<Page<Delivery>>(`${ADMIN}/deliveries`, { query: { ...query } }),
  rejections: () => api.get<{ items: PacketRejectionRecord[] }>(`${ADMIN}/rejections`),
  retry: (packetId: string) => api.post<Delivery>(deliveryPath(packetId, 'retry')),
  /** The sealed packet as a file, for carrying across when the link is down; only the partner can open it. */
  downloadPacket: (packetId: string) => download(deliveryPath(packetId, 'file'), `packet-${packetId}.jwe`),
  /** A packet carried from a partner, or a receipt carried back for one of ours. */
  importFile: (content: string) => api.post<PacketImportResult>(`${ADMIN}/import`, { content }),
};
