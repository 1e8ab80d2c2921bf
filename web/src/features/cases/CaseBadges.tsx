import { Badge, Group } from '@mantine/core';
import type { CaseStatus, CaseSummary, IntakeUrgency, TraffickingStatus } from '@seamless/contracts';
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

const URGENCY_COLOR: Record<IntakeUrgency, string> = {
  routine: 'gray',
  urgent: 'orange',
  emergency: 'red',
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

export function UrgencyBadge({ urgency }: { urgency: IntakeUrgency }) {
  const { t } = useTranslation();
  return (
    <Badge color={URGENCY_COLOR[urgency]} variant={urgency === 'emergency' ? 'filled' : 'light'}>
      {t(`vocab.urgency.${urgency}`)}
    </Badge>
  );
}

/**
 * What needs attention on a case at a glance: urgency beyond routine, a child, a person who
 * comes back (possible re-trafficking), an overdue deadline.
 */
export function CaseFlags({ summary }: { summary: Pick<CaseSummary, 'urgency' | 'child' | 'returningPerson' | 'overdue'> }) {
  const { t } = useTranslation();
  const flags = [
    summary.urgency !== 'routine' && <UrgencyBadge key="urgency" urgency={summary.urgency} />,
    summary.child && (
      <Badge key="child" color="violet" variant="light">
        {t('caseload.badge.child')}
      </Badge>
    ),
    summary.returningPerson && (
      <Badge key="returning" color="grape" variant="light">
        {t('caseload.badge.returning')}
      </Badge>
    ),
    summary.overdue && (
      <Badge key="overdue" color="red" variant="outline">
        {t('caseload.badge.overdue')}
      </Badge>
    ),
  ].filter(Boolean);
  if (flags.length === 0) return null;
  return (
    <Group gap={4} mt={4}>
      {flags}
    </Group>
  );
}
