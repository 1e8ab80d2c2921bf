import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import {
  FOLLOW_UP_VISIT_MODES,
  type FollowUpPolicy,
  type FollowUpStep,
  type FollowUpVisitMode,
  REGION_COUNTRIES,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { AgencySelect } from '../caseRecord/common/AgencySelect';
import { useAddPolicy, useFollowUpPolicies, useUpdatePolicy } from './queries';
import { StepsText } from './StepsText';

/** A stretch as the editor holds it: how often, and either a number of visits or a limit in months. */
type StepDraft = { id: number; everyMonths: number; kind: 'times' | 'until'; count: number };

let nextStepId = 0;
const newStepId = () => {
  nextStepId += 1;
  return nextStepId;
};

const toDraft = (step: FollowUpStep): StepDraft =>
  step.times !== undefined
    ? { id: newStepId(), everyMonths: step.everyMonths, kind: 'times', count: step.times }
    : { id: newStepId(), everyMonths: step.everyMonths, kind: 'until', count: step.untilMonths ?? 12 };
const fromDraft = (draft: StepDraft): FollowUpStep =>
  draft.kind === 'times'
    ? { everyMonths: draft.everyMonths, times: draft.count }
    : { everyMonths: draft.everyMonths, untilMonths: draft.count };

function PolicyForm({ policy, onDone }: { policy: FollowUpPolicy | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [countryCode, setCountryCode] = useState(policy?.countryCode ?? 'TH');
  const [agencyId, setAgencyId] = useState<string | null>(policy?.agencyId ?? null);
  const [name, setName] = useState(policy?.name ?? '');
  const [steps, setSteps] = useState<StepDraft[]>(
    policy?.steps.map(toDraft) ?? [{ id: newStepId(), everyMonths: 1, kind: 'times', count: 3 }],
  );
  const [defaultMode, setDefaultMode] = useState<FollowUpVisitMode>(policy?.defaultMode ?? 'in_person');
  const [graceDays, setGraceDays] = useState(policy?.graceDays ?? 7);
  const [source, setSource] = useState(policy?.source ?? '');
  const [active, setActive] = useState(policy?.active ?? true);
  const add = useAddPolicy();
  const update = useUpdatePolicy();
  const mutation = policy ? update : add;
  const errors = useFieldErrors([], mutation.error);
  const setStep = (index: number, change: Partial<StepDraft>) =>
    setSteps((current) => current.map((step, at) => (at === index ? { ...step, ...change } : step)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name, steps: steps.map(fromDraft), defaultMode, graceDays, source: source.trim() || null, active };
    if (policy) update.mutate({ id: policy.id, body: { ...body, version: policy.version } }, { onSuccess: onDone });
    else add.mutate({ ...body, countryCode, agencyId }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('followUp.policy.country')}
            data={REGION_COUNTRIES.map((code) => ({ value: code, label: code }))}
            value={countryCode}
            onChange={(value) => setCountryCode(value ?? countryCode)}
            disabled={!!policy}
            allowDeselect={false}
            required
          />
          <AgencySelect
            label={t('followUp.policy.agency')}
            description={t('followUp.policy.agencyHint')}
            value={agencyId}
            onChange={setAgencyId}
            error={errors.agencyId}
          />
        </SimpleGrid>
        <TextInput
          label={t('followUp.policy.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          required
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('followUp.policy.steps')}
          </Text>
          {steps.map((step, index) => (
            <Card key={step.id} withBorder padding="xs">
              <Group align="flex-end" wrap="wrap" gap="xs">
                <NumberInput
                  label={t('followUp.policy.everyMonths')}
                  min={1}
                  max={24}
                  value={step.everyMonths}
                  onChange={(value) => setStep(index, { everyMonths: Number(value) || 1 })}
                  error={errors[`steps.${index}.everyMonths`]}
                  w={120}
                />
                <Select
                  label={t('followUp.policy.limit')}
                  data={[
                    { value: 'times', label: t('followUp.policy.limitTimes') },
                    { value: 'until', label: t('followUp.policy.limitUntil') },
                  ]}
                  value={step.kind}
                  onChange={(value) => setStep(index, { kind: value === 'until' ? 'until' : 'times' })}
                  allowDeselect={false}
                  w={200}
                />
                <NumberInput
                  label={step.kind === 'times' ? t('followUp.policy.times') : t('followUp.policy.untilMonths')}
                  min={1}
                  max={step.kind === 'times' ? 60 : 120}
                  value={step.count}
                  onChange={(value) => setStep(index, { count: Number(value) || 1 })}
                  error={errors[`steps.${index}.times`] ?? errors[`steps.${index}.untilMonths`]}
                  w={120}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('followUp.policy.removeStep')}
                  disabled={steps.length === 1}
                  onClick={() => setSteps((current) => current.filter((_, at) => at !== index))}
                >
                  ×
                </ActionIcon>
              </Group>
            </Card>
          ))}
          <Button
            variant="light"
            size="xs"
            onClick={() => setSteps((current) => [...current, { id: newStepId(), everyMonths: 3, kind: 'until', count: 12 }])}
            disabled={steps.length >= 10}
          >
            {t('followUp.policy.addStep')}
          </Button>
          <StepsText steps={steps.map(fromDraft)} />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('followUp.policy.defaultMode')}
            data={FOLLOW_UP_VISIT_MODES.map((mode) => ({ value: mode, label: t(`followUp.mode.${mode}`) }))}
            value={defaultMode}
            onChange={(value) => setDefaultMode(oneOf(value, FOLLOW_UP_VISIT_MODES) ?? defaultMode)}
            allowDeselect={false}
          />
          <NumberInput
            label={t('followUp.policy.graceDays')}
            description={t('followUp.policy.graceDaysHint')}
            min={0}
            max={60}
            value={graceDays}
            onChange={(value) => setGraceDays(Number(value) || 0)}
            error={errors.graceDays}
          />
        </SimpleGrid>
        <TextInput
          label={t('followUp.policy.source')}
          description={t('followUp.policy.sourceHint')}
          value={source}
          onChange={(event) => setSource(event.currentTarget.value)}
          error={errors.source}
        />
        <Switch label={t('followUp.policy.active')} checked={active} onChange={(event) => setActive(event.currentTarget.checked)} />
        <ProblemAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('followUp.policy.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Follow-up policies: how often each country, or one agency, visits after reintegration. */
export function FollowUpPoliciesPage() {
  const { t } = useTranslation();
  const policies = useFollowUpPolicies();
  const [editing, setEditing] = useState<{ policy: FollowUpPolicy | null } | null>(null);
  return (
    <>
      <PageHeader
        title={t('followUp.policy.title')}
        description={t('followUp.policy.description')}
        actions={<Button onClick={() => setEditing({ policy: null })}>{t('followUp.policy.add')}</Button>}
      />
      <QueryState query={policies}>
        {({ items }) => (
          <Stack gap="sm">
            {items.map((policy) => (
              <Card key={policy.id} withBorder>
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={4}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={500}>{policy.name}</Text>
                      <Badge variant="outline">{policy.countryCode}</Badge>
                      {policy.agencyName && <Badge variant="light">{policy.agencyName}</Badge>}
                      {!policy.active && <Badge color="gray">{t('followUp.policy.inactive')}</Badge>}
                    </Group>
                    <StepsText steps={policy.steps} />
                    <Text size="xs" c="dimmed">
                      {t(`followUp.mode.${policy.defaultMode}`)} · {t('followUp.policy.graceSummary', { count: policy.graceDays })}
                      {policy.source ? ` · ${policy.source}` : ''}
                    </Text>
                  </Stack>
                  <Button size="xs" variant="default" onClick={() => setEditing({ policy })}>
                    {t('followUp.policy.edit')}
                  </Button>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.policy ? t('followUp.policy.editTitle') : t('followUp.policy.addTitle')}
        size="lg"
      >
        {editing && <PolicyForm policy={editing.policy} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}
