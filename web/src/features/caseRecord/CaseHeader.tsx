import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/dates';
import { usePhoneLayout } from '../../lib/usePhoneLayout';
import { CaseStatusBadge, TraffickingStatusBadge } from '../cases/CaseBadges';
import { BreakGlassButton } from './BreakGlassButton';
import { TakeCaseButton } from './TakeCaseButton';

const URGENCY_COLOR = { routine: 'gray', urgent: 'orange', emergency: 'red' } as const;

/** Who the case is about and where it stands, with the actions that change who works on it. */
export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // On a phone, taking the case is in the action bar at the bottom of the screen (CaseActionBar).
  const phone = usePhoneLayout();
  const pseudonymShown = detail.displayName === detail.person.pseudonym;

  return (
    <Stack gap="sm" mb="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('caseRecord.header.title', { reference: detail.reference })}
          </Title>
          <Group gap="xs">
            <Text size="lg" fw={500}>
              {detail.displayName}
            </Text>
            {pseudonymShown && (
              <Badge variant="dot" color="gray" title={t('caseRecord.header.pseudonymHint')}>
                {t('caseRecord.header.pseudonym')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <CaseStatusBadge status={detail.status} />
            <TraffickingStatusBadge status={detail.traffickingStatus} />
            <Badge variant="light" color="blue">
              {t(`vocab.caseStage.${detail.stage}`)}
            </Badge>
            {detail.urgency !== 'routine' && (
              <Badge variant="filled" color={URGENCY_COLOR[detail.urgency]}>
                {t(`vocab.urgency.${detail.urgency}`)}
              </Badge>
            )}
            {detail.child && (
              <Badge variant="filled" color="pink">
                {t('caseRecord.header.child')}
              </Badge>
            )}
            {detail.returningPerson && (
              <Badge variant="filled" color="violet">
                {t('caseRecord.header.returningPerson')}
              </Badge>
            )}
            {detail.involvement !== 'owner' && (
              <Badge variant="outline" color="gray">
                {t(`caseRecord.involvement.${detail.involvement}`)}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="sm">
          {!phone && <TakeCaseButton detail={detail} />}
          <BreakGlassButton detail={detail} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {detail.ownerUserName
          ? t('caseRecord.header.ownedBy', { agency: detail.ownerAgencyName, user: detail.ownerUserName })
          : t('caseRecord.header.unassigned', { agency: detail.ownerAgencyName })}
      </Text>
      {detail.returningPerson && detail.previousCaseId && (
        <Text size="sm">
          {t('caseRecord.header.returningNote')}{' '}
          <RouterAnchor to="/cases/$caseId" params={{ caseId: detail.previousCaseId }}>
            {t('caseRecord.header.previousCase')}
          </RouterAnchor>
        </Text>
      )}
      {detail.breakGlassUntil && (
        <Alert color="red" variant="light" title={t('caseRecord.breakGlass.activeTitle')}>
          {t('caseRecord.breakGlass.activeBody', { time: formatDateTime(detail.breakGlassUntil, locale) })}
        </Alert>
      )}
    </Stack>
  );
}
