import { Badge } from '@mantine/core';
import type { CrossBorderReferralStatus } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './crossBorderReferralView';

export function CrossBorderReferralStatusBadge({ status }: { status: CrossBorderReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`crossBorderReferral.status.${status}`)}
    </Badge>
  );
}
