import { Badge } from '@mantine/core';
import type { ReportStatus } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './reportView';

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`statisticReports.status.${status}`)}
    </Badge>
  );
}
