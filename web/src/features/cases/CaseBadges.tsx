import { Badge } from '@mantine/core';
import type { CaseStatus, TraffickingStatus } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<CaseStatus, string> = {
  Active: 'teal',
  FollowUp: 'blue',
  Closed: 'gray',
  ClosedReferred: 'gray',
};

const TRAFFICKING_STATUS_COLOR: Record<TraffickingStatus, string> = {
  Potential: 'yellow',
  Presumed: 'orange',
  Identified: 'red',
  NotAVictim: 'gray',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`caseStatus.${status}`)}
    </Badge>
  );
}

export function TraffickingStatusBadge({ status }: { status: TraffickingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={TRAFFICKING_STATUS_COLOR[status]} variant="outline">
      {t(`traffickingStatus.${status}`)}
    </Badge>
  );
}
