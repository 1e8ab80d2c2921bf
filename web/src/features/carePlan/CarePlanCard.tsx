import { Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import {
  CARE_ACTION_STATUSES,
  type CareAction,
  type CarePlan,
  type CarePlanVersion,
  localised,
  type ServiceArea,
} from '@seamless/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { oneOf } from '../../lib/oneOf';
import { ReferralDialog } from '../referrals/ReferralDialog';
import { CarePlanFormModal } from './CarePlanFormModal';
import { recordableAreas } from './planDraft';
import { useUpdateCareAction } from './queries';
import { ServiceFormModal } from './ServiceFormModal';

const ACTION_COLORS = { planned: 'gray', in_progress: 'blue', done: 'teal', cancelled: 'red' } as const;
const GOAL_COLORS = { open: 'blue', achieved: 'teal', dropped: 'gray' } as const;

interface ActionRowProps {
  caseId: string;
  action: CareAction;
  serviceArea: ServiceArea;
  editable: boolean;
}

function ActionRow({ caseId, action, serviceArea, editable }: ActionRowProps) {
  const { t } = useTranslation();
  const update = useUpdateCareAction(caseId);
  const [referring, setReferring] = useState(false);
  const open = action.status === 'planned' || action.status === 'in_progress';
  const responsible = [action.responsibleAgencyName ?? action.responsibleOrganisation, action.responsiblePerson]
    .filter(Boolean)
    .join(' · ');
  return (
    <Stack gap={4} component="li">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={500}>
          {action.what}
        </Text>
        {editable ? (
          <Select
            size="xs"
            w={150}
            aria-label={t('carePlan.action.status')}
            data={CARE_ACTION_STATUSES.map((status) => ({ value: status, label: t(`carePlan.actionStatus.${status}`) }))}
            value={action.status}
            onChange={(value) => {
              const status = oneOf(value, CARE_ACTION_STATUSES);
              if (status && status !== action.status) update.mutate({ actionId: action.id, body: { status } });
            }}
            allowDeselect={false}
          />
        ) : (
          <Badge color={ACTION_COLORS[action.status]} variant="light">
            {t(`carePlan.actionStatus.${action.status}`)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {responsible}
        {action.dueOn && (
          <>
            {responsible ? ' · ' : ''}
            {t('carePlan.action.due')} <FormattedDate value={action.dueOn} />
          </>
        )}
      </Text>
      {action.referralId && (
        <Text size="xs">
          {t('carePlan.action.referral')}:{' '}
          {action.referralStatus ? t(`carePlan.referralStatus.${action.referralStatus as 'pending'}`) : '—'}
        </Text>
      )}
      {editable && open && !action.referralId && (
        <Button size="compact-xs" variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setReferring(true)}>
          {t('carePlan.action.refer')}
        </Button>
      )}
      <ProblemAlert error={update.error} />
      <ReferralDialog
        caseId={caseId}
        opened={referring}
        onClose={() => setReferring(false)}
        serviceArea={serviceArea}
        agencyId={action.responsibleAgencyId ?? undefined}
        onReferred={(referral) => update.mutate({ actionId: action.id, body: { referralId: referral.id } })}
      />
    </Stack>
  );
}

/** The plan's own terms (her goals, the agreement, the review) are `care`: a specialist without it sees only her goals. */
function PlanTerms({ version }: { version: CarePlanVersion & { victimGoals: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('carePlan.victimGoals')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {version.victimGoals}
        </Text>
      </Stack>
      <Group gap="lg" wrap="wrap">
        <Text size="sm">
          {t('carePlan.agreement.title')}:{' '}
          {version.agreedOn && version.agreementMethod ? (
            <>
              {t(`carePlan.agreementMethod.${version.agreementMethod}`)} · <FormattedDate value={version.agreedOn} />
              {version.witnessedBy ? ` · ${t('carePlan.agreement.witness', { name: version.witnessedBy })}` : ''}
            </>
          ) : (
            t('carePlan.agreement.none')
          )}
        </Text>
        {version.reviewOn && (
          <Text size="sm">
            {t('carePlan.reviewOn')}: <FormattedDate value={version.reviewOn} />
          </Text>
        )}
      </Group>
    </>
  );
}

function PlanView({ caseId, version, editableAreas }: { caseId: string; version: CarePlanVersion; editableAreas: readonly ServiceArea[] }) {
  const { t } = useTranslation();
  const { victimGoals } = version;
  return (
    <Stack gap="md">
      {victimGoals !== null && <PlanTerms version={{ ...version, victimGoals }} />}
      {version.goals.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('carePlan.noGoals')}
        </Text>
      )}
      {version.goals.map((goal) => (
        <Card key={goal.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Badge variant="outline">{t(`serviceDirectory.areas.${goal.serviceArea}`)}</Badge>
            <Badge color={GOAL_COLORS[goal.status]} variant="light">
              {t(`carePlan.goalStatus.${goal.status}`)}
            </Badge>
          </Group>
          <Text size="sm" mt="xs">
            {goal.goal}
          </Text>
          {goal.actions.length > 0 && (
            <Stack gap="sm" mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {goal.actions.map((action) => (
                <ActionRow
                  key={action.id}
                  caseId={caseId}
                  action={action}
                  serviceArea={goal.serviceArea}
                  editable={editableAreas.includes(goal.serviceArea)}
                />
              ))}
            </Stack>
          )}
        </Card>
      ))}
      <Text size="xs" c="dimmed">
        {t('carePlan.versionBy', { version: version.version, name: version.recordedByName })}{' '}
        <FormattedDate value={version.recordedAt} withTime />
      </Text>
    </Stack>
  );
}

function ServicesTable({ plan }: { plan: CarePlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const bandLabel = (value: string) => localised(plan.incomeBands.find((band) => band.value === value)?.labels, locale) || value;
  if (plan.services.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('carePlan.service.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('carePlan.service.deliveredOn')}</Table.Th>
            <Table.Th>{t('carePlan.goal.serviceArea')}</Table.Th>
            <Table.Th>{t('carePlan.service.description')}</Table.Th>
            <Table.Th>{t('carePlan.service.provider')}</Table.Th>
            <Table.Th>{t('carePlan.service.cost')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.services.map((service) => (
            <Table.Tr key={service.id}>
              <Table.Td>
                <FormattedDate value={service.deliveredOn} />
              </Table.Td>
              <Table.Td>{t(`serviceDirectory.areas.${service.serviceArea}`)}</Table.Td>
              <Table.Td>
                {service.description}
                {service.outcome && (
                  <Text size="xs" c="dimmed">
                    {t(`carePlan.outcome.${service.outcome}`)}
                    {service.incomeBand ? ` · ${bandLabel(service.incomeBand)}` : ''}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{service.providerAgencyName ?? service.providerName}</Table.Td>
              <Table.Td>
                {service.costAmount !== null && service.costCurrency
                  ? new Intl.NumberFormat(locale, { style: 'currency', currency: service.costCurrency }).format(service.costAmount)
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The individual care plan made with her, its history, and the services delivered under it. */
export function CarePlanCard({
  caseId,
  plan,
  shown,
  onShowVersion,
}: {
  caseId: string;
  plan: CarePlan;
  shown: CarePlan;
  onShowVersion: (version: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const [revising, setRevising] = useState(false);
  const [recording, setRecording] = useState(false);
  const latest = plan.current;
  const viewingLatest = !shown.current || shown.current.version === latest?.version;
  const actions = (latest?.goals ?? []).flatMap((goal) => goal.actions);
  const areas = useMemo(() => recordableAreas(plan.abilities.record), [plan.abilities.record]);

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="md" wrap="wrap">
          <Title order={2} size="h4">
            {t('carePlan.title')}
          </Title>
          <Group gap="xs" wrap="wrap">
            {plan.versions.length > 1 && (
              <Select
                size="xs"
                w={160}
                aria-label={t('carePlan.versions')}
                data={plan.versions.map((item) => ({
                  value: String(item.version),
                  label: t('carePlan.version', { version: item.version }),
                }))}
                value={String(shown.current?.version ?? latest?.version)}
                onChange={(value) => onShowVersion(value && Number(value) !== latest?.version ? Number(value) : undefined)}
                allowDeselect={false}
              />
            )}
            {plan.abilities.write && (
              <Button onClick={() => setRevising(true)}>{latest ? t('carePlan.revise') : t('carePlan.create')}</Button>
            )}
          </Group>
        </Group>
        {!viewingLatest && (
          <Text size="sm" c="orange" mb="sm">
            {t('carePlan.olderVersion')}
          </Text>
        )}
        {shown.current ? (
          <PlanView caseId={caseId} version={shown.current} editableAreas={viewingLatest ? areas : []} />
        ) : (
          <Text c="dimmed">{t('carePlan.empty')}</Text>
        )}
      </Card>
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="md" wrap="wrap">
          <Title order={2} size="h4">
            {t('carePlan.service.heading')}
          </Title>
          {areas.length > 0 && (
            <Button variant="light" onClick={() => setRecording(true)}>
              {t('carePlan.service.record')}
            </Button>
          )}
        </Group>
        <ServicesTable plan={plan} />
      </Card>
      <CarePlanFormModal
        opened={revising}
        caseId={caseId}
        current={latest}
        record={plan.abilities.record}
        onDone={() => setRevising(false)}
      />
      <ServiceFormModal
        opened={recording}
        caseId={caseId}
        areas={areas}
        incomeBands={plan.incomeBands}
        actions={actions}
        onDone={() => setRecording(false)}
      />
    </Stack>
  );
}
