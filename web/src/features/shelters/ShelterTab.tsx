import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail, CaseShelter, Placement } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { QueryState } from '../../components/QueryState';
import { Countdown } from './Countdown';
import { DischargeModal } from './DischargeModal';
import { PlacementModal } from './PlacementModal';
import { useCaseShelter } from './queries';

function PlacementCard({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const current = placement.endedOn === null;
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Text fw={600}>{placement.facilityName}</Text>
            <Text size="sm">
              {placement.unitName}
              {placement.bed ? ` · ${t('shelters.tab.bed', { bed: placement.bed })}` : ''} · {placement.agencyName}
            </Text>
          </Stack>
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t(`shelters.sex.${placement.sex}`)} · {t(`shelters.ageGroup.${placement.ageGroup}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('shelters.tab.admitted')} <FormattedDate value={placement.admittedOn} />
          {placement.stayStartedOn !== placement.admittedOn && (
            <>
              {' · '}
              {t('shelters.tab.stayStarted')} <FormattedDate value={placement.stayStartedOn} />
            </>
          )}
        </Text>
        <Text size="sm">
          {t('shelters.tab.stayLimit')}: <FormattedDate value={placement.stayLimitOn} />
          {placement.reflectionEndsOn && (
            <>
              {' · '}
              {t('shelters.tab.reflection')}: <FormattedDate value={placement.reflectionStartsOn} /> –{' '}
              <FormattedDate value={placement.reflectionEndsOn} />
            </>
          )}
        </Text>
        {placement.expectedLeaveOn && (
          <Text size="sm">
            {t('shelters.tab.expectedLeave')}: <FormattedDate value={placement.expectedLeaveOn} />
          </Text>
        )}
        {current && (
          <Group gap="xs" wrap="wrap">
            <Countdown label={t('shelters.tab.reflection')} daysLeft={placement.reflectionDaysLeft} />
            <Countdown label={t('shelters.tab.stayLimit')} daysLeft={placement.stayDaysLeft} />
          </Group>
        )}
        {placement.specialNeeds && (
          <Badge variant="light" color="grape" w="fit-content" style={{ textTransform: 'none' }}>
            {t('shelters.specialNeeds')}
          </Badge>
        )}
        {placement.override && (
          <Text size="sm" c="orange.8">
            {t('shelters.tab.override', { rules: placement.override.rules.map((rule) => t(`shelters.rule.${rule}`)).join(' ') })} —{' '}
            {placement.override.reason}
          </Text>
        )}
        {placement.endedOn && (
          <Text size="sm" c="dimmed">
            {placement.endKind === 'transfer' ? t('shelters.tab.transferredOut') : t('shelters.tab.discharged')}{' '}
            <FormattedDate value={placement.endedOn} />
            {placement.dischargeDestination ? ` · ${t(`shelters.destination.${placement.dischargeDestination}`)}` : ''}
            {placement.dischargeNote ? ` — ${placement.dischargeNote}` : ''}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ShelterBody({ detail, data }: { detail: CaseDetail; data: CaseShelter }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'admit' | 'transfer' | 'discharge' | null>(null);
  const close = () => setDialog(null);
  const { place, override } = data.abilities;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('shelters.tab.today')} <FormattedDate value={data.today} />
        </Text>
        {place && (
          <Group gap="xs">
            {!data.current && <Button onClick={() => setDialog('admit')}>{t('shelters.tab.admit')}</Button>}
            {data.current && (
              <>
                <Button variant="default" onClick={() => setDialog('transfer')}>
                  {t('shelters.tab.transfer')}
                </Button>
                <Button variant="default" color="red" onClick={() => setDialog('discharge')}>
                  {t('shelters.tab.discharge')}
                </Button>
              </>
            )}
          </Group>
        )}
      </Group>
      <Title order={3} size="h4">
        {t('shelters.tab.current')}
      </Title>
      {data.current ? (
        <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          <PlacementCard placement={data.current} />
        </Stack>
      ) : (
        <Text c="dimmed">{t('shelters.tab.empty')}</Text>
      )}
      {data.history.length > 0 && (
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('shelters.tab.history')}
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {data.history.map((placement) => (
              <PlacementCard key={placement.id} placement={placement} />
            ))}
          </Stack>
        </Stack>
      )}
      <PlacementModal
        opened={dialog === 'admit' || dialog === 'transfer'}
        caseId={detail.id}
        current={dialog === 'transfer' ? data.current : null}
        today={data.today}
        mayOverride={override}
        onDone={close}
      />
      {data.current && (
        <DischargeModal opened={dialog === 'discharge'} caseId={detail.id} current={data.current} today={data.today} onDone={close} />
      )}
    </Stack>
  );
}

/** The case's shelter tab: where she stays, the countdowns, earlier stays, and admit / transfer / discharge. */
export function ShelterTab({ detail }: { detail: CaseDetail }) {
  const shelter = useCaseShelter(detail.id);
  return <QueryState query={shelter}>{(data) => <ShelterBody detail={detail} data={data} />}</QueryState>;
}
