import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUS_COLORS, deliveryStatusOf } from './federationView';

/** A packet's status, sent or received; one this catalogue does not know shows as the server wrote it. */
export function DeliveryStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = deliveryStatusOf(status);
  return (
    <Badge variant="light" color={known ? DELIVERY_STATUS_COLORS[known] : 'gray'}>
      {known ? t(`federation.deliveryStatus.${known}`) : status}
    </Badge>
  );
}
