import { Badge } from '@mantine/core';
import type { RepatriationStatus } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './repatriationView';

export function RepatriationStatusBadge({ status }: { status: RepatriationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`repatriation.status.${status}`)}
    </Badge>
  );
}
