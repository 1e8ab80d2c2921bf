import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail, CaseFollowUp, FollowUp, FollowUpVisit } from '@seamless/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { QueryState } from '../../components/QueryState';
import { CloseFollowUpModal, ReopenFollowUpModal, RescheduleModal } from './EndFollowUpModals';
import { complianceRate, followUpStage, VISIT_STATUS_COLORS } from './followUpView';
import { useCaseFollowUp } from './queries';
import { RecordVisitModal } from './RecordVisitModal';
import { StartFollowUpModal } from './StartFollowUpModal';
import { StepsText } from './StepsText';

type VisitActions = { onRecord: (visit: FollowUpVisit) => void; onMove: (visit: FollowUpVisit) => void } | null;

function VisitRow({ visit, actions }: { visit: FollowUpVisit; actions: VisitActions }) {
  const { t } = useTranslation();
  const open = visit.status === 'upcoming' || visit.status === 'due' || visit.status === 'missed';
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={500} size="sm">
            {visit.sequence ? t('followUp.visit.number', { number: visit.sequence }) : t('followUp.visit.unscheduled')}
            {' · '}
            <FormattedDate value={visit.scheduledOn ?? visit.actualOn} />
          </Text>
          {visit.originallyScheduledOn && (
            <Text size="xs" c="dimmed">
              {t('followUp.visit.moved')} <FormattedDate value={visit.originallyScheduledOn} />
              {visit.rescheduleReason ? ` — ${visit.rescheduleReason}` : ''}
            </Text>
          )}
        </Stack>
        <Badge color={VISIT_STATUS_COLORS[visit.status]} variant="light">
          {t(`followUp.status.${visit.status}`)}
        </Badge>
      </Group>
      {visit.actualOn && (
        <Stack gap={4} mt="xs">
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              <FormattedDate value={visit.actualOn} />
            </Text>
            {visit.mode && <Badge variant="outline">{t(`followUp.mode.${visit.mode}`)}</Badge>}
            {visit.situation && (
              <Badge color={visit.situation === 'safe' ? 'green' : visit.situation === 'at_risk' ? 'red' : 'orange'}>
                {t(`followUp.situation.${visit.situation}`)}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {[visit.visitorName, visit.visitingAgencyName].filter(Boolean).join(' · ')}
          </Text>
          {visit.findings && <Text size="sm">{visit.findings}</Text>}
          {visit.nextSteps && (
            <Text size="sm">
              <Text span fw={500}>
                {t('followUp.visit.nextSteps')}:
              </Text>{' '}
              {visit.nextSteps}
            </Text>
          )}
        </Stack>
      )}
      {open && actions && (
        <Group gap="xs" mt="xs">
          <Button size="xs" onClick={() => actions.onRecord(visit)}>
            {t('followUp.visit.record')}
          </Button>
          <Button size="xs" variant="default" onClick={() => actions.onMove(visit)}>
            {t('followUp.reschedule.action')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function Compliance({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const rate = complianceRate(followUp);
  const { dueSoFar, done, missed, unscheduled } = followUp.compliance;
  return (
    <Group gap="xs" wrap="wrap" aria-label={t('followUp.compliance.label')}>
      <Badge variant="light" color="gray">
        {t('followUp.compliance.dueSoFar', { count: dueSoFar })}
      </Badge>
      <Badge variant="light" color="green">
        {t('followUp.compliance.done', { count: done })}
      </Badge>
      <Badge variant="light" color="red">
        {t('followUp.compliance.missed', { count: missed })}
      </Badge>
      {unscheduled > 0 && (
        <Badge variant="light" color="blue">
          {t('followUp.compliance.unscheduled', { count: unscheduled })}
        </Badge>
      )}
      {rate !== null && <Text size="sm">{t('followUp.compliance.rate', { rate })}</Text>}
    </Group>
  );
}

function Period({ followUp, actions, children }: { followUp: FollowUp; actions: VisitActions; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {followUp.policyName}
            </Title>
            <StepsText steps={followUp.steps} />
            <Text size="sm" c="dimmed">
              {t('followUp.period.started')} <FormattedDate value={followUp.startOn} />
              {followUp.closedOn && (
                <>
                  {' · '}
                  {t('followUp.period.ended')} <FormattedDate value={followUp.closedOn} />
                </>
              )}
            </Text>
            {followUp.closureReason && (
              <Text size="sm">
                {t(`followUp.closureReason.${followUp.closureReason}`)}
                {followUp.closureNote ? ` — ${followUp.closureNote}` : ''}
              </Text>
            )}
            {followUp.reopenReason && (
              <Text size="sm">
                {t('followUp.period.reopened')}: {followUp.reopenReason}
              </Text>
            )}
          </Stack>
          <Badge variant="dot">{t(`followUp.period.status.${followUp.status}`)}</Badge>
        </Group>
        <Compliance followUp={followUp} />
        {children}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {followUp.visits.map((visit) => (
            <VisitRow key={visit.id} visit={visit} actions={actions} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

function FollowUpBody({ detail, data }: { detail: CaseDetail; data: CaseFollowUp }) {
  const { t } = useTranslation();
  const [starting, setStarting] = useState(false);
  const [recording, setRecording] = useState<{ visit: FollowUpVisit | null } | null>(null);
  const [moving, setMoving] = useState<FollowUpVisit | null>(null);
  const [closing, setClosing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const stage = followUpStage(data);
  const [current, ...earlier] = data.followUps;
  const { record } = data.abilities;
  const actions: VisitActions = record ? { onRecord: (visit) => setRecording({ visit }), onMove: setMoving } : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('followUp.today')} <FormattedDate value={data.today} />
        </Text>
        {record && (
          <Group gap="xs">
            {(stage === 'none' || stage === 'reopened') && <Button onClick={() => setStarting(true)}>{t('followUp.start.action')}</Button>}
            {stage === 'closed' && <Button onClick={() => setReopening(true)}>{t('followUp.reopen.action')}</Button>}
          </Group>
        )}
      </Group>
      {!current && <Text c="dimmed">{t('followUp.empty')}</Text>}
      {stage === 'active' && current && current.compliance.missed > 0 && (
        <Alert color="red" variant="light" role="alert" title={t('followUp.missedAlert.title', { count: current.compliance.missed })}>
          {t('followUp.missedAlert.body', { days: current.graceDays })}
        </Alert>
      )}
      {current && (
        <Period followUp={current} actions={stage === 'active' ? actions : null}>
          {stage === 'active' && record && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setRecording({ visit: null })}>
                {t('followUp.visit.addUnscheduled')}
              </Button>
              <Button size="xs" variant="default" color="red" onClick={() => setClosing(true)}>
                {t('followUp.close.action')}
              </Button>
            </Group>
          )}
        </Period>
      )}
      {earlier.length > 0 && (
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('followUp.earlier')}
          </Title>
          {earlier.map((followUp) => (
            <Period key={followUp.id} followUp={followUp} actions={null} />
          ))}
        </Stack>
      )}
      <StartFollowUpModal detail={detail} policies={data.policies} opened={starting} onClose={() => setStarting(false)} />
      {current && (
        <RecordVisitModal
          detail={detail}
          followUp={current}
          visit={recording?.visit ?? null}
          opened={!!recording}
          onClose={() => setRecording(null)}
        />
      )}
      <RescheduleModal caseId={detail.id} visit={moving} onClose={() => setMoving(null)} />
      <CloseFollowUpModal detail={detail} mayCloseCase={data.abilities.closeCase} opened={closing} onClose={() => setClosing(false)} />
      <ReopenFollowUpModal detail={detail} policies={data.policies} opened={reopening} onClose={() => setReopening(false)} />
    </Stack>
  );
}

/** Follow-up after reintegration: the schedule with each visit's status, what visits found, closing and reopening. */
export function FollowUpTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const readable = detail.abilities.sections.includes('care');
  const query = useCaseFollowUp(detail.id, readable);
  if (!readable) return <Text c="dimmed">{t('followUp.noAccess')}</Text>;
  return <QueryState query={query}>{(data) => <FollowUpBody detail={detail} data={data} />}</QueryState>;
}
