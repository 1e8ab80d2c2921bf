import { ActionIcon, Button, Card, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import {
  CARE_ACTION_STATUSES,
  CARE_GOAL_STATUSES,
  CARE_PLAN_AGREEMENT_METHODS,
  type CarePartSection,
  type CarePlanVersion,
  carePlanInputSchema,
  type FieldError,
  SERVICE_AREAS,
  type ServiceArea,
} from '@seamless/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { validate } from '../../lib/validation';
import { AgencySelect } from '../caseRecord/common/AgencySelect';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import {
  type ActionDraft,
  bodyFromDraft,
  draftFromVersion,
  emptyAction,
  emptyGoal,
  type GoalDraft,
  type PlanDraft,
  recordableAreas,
} from './planDraft';
import { useReviseCarePlan } from './queries';

interface PlanFormProps {
  caseId: string;
  current: CarePlanVersion | null;
  /** The sections whose goals she records; the others' goals stay as they are. */
  record: readonly CarePartSection[];
  onDone: () => void;
}

function ActionFields({
  action,
  path,
  errors,
  onChange,
  onRemove,
}: {
  action: ActionDraft;
  path: string;
  errors: Record<string, string>;
  onChange: (action: ActionDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const set = (changes: Partial<ActionDraft>) => onChange({ ...action, ...changes });
  return (
    <Card withBorder padding="xs">
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('carePlan.action.what')}
            value={action.what}
            onChange={(event) => set({ what: event.currentTarget.value })}
            error={errors[`${path}.what`]}
            required
          />
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('carePlan.form.removeAction')} mb={4}>
            ×
          </ActionIcon>
        </Group>
        <SegmentedControl
          size="xs"
          value={action.responsibleKind}
          onChange={(value) => set({ responsibleKind: value === 'organisation' ? 'organisation' : 'agency' })}
          data={[
            { value: 'agency', label: t('carePlan.action.byAgency') },
            { value: 'organisation', label: t('carePlan.action.byOrganisation') },
          ]}
        />
        {action.responsibleKind === 'agency' ? (
          <AgencySelect
            label={t('carePlan.action.responsibleAgency')}
            value={action.responsibleAgencyId}
            onChange={(value) => set({ responsibleAgencyId: value })}
            error={errors[`${path}.responsibleAgencyId`]}
          />
        ) : (
          <TextInput
            label={t('carePlan.action.responsibleOrganisation')}
            value={action.responsibleOrganisation}
            onChange={(event) => set({ responsibleOrganisation: event.currentTarget.value })}
            error={errors[`${path}.responsibleOrganisation`]}
          />
        )}
        <Group grow wrap="wrap">
          <TextInput
            label={t('carePlan.action.person')}
            value={action.responsiblePerson}
            onChange={(event) => set({ responsiblePerson: event.currentTarget.value })}
          />
          <DateInput
            label={t('carePlan.action.dueOn')}
            value={action.dueOn}
            onChange={(value) => set({ dueOn: value })}
            error={errors[`${path}.dueOn`]}
          />
          <Select
            label={t('carePlan.action.status')}
            data={CARE_ACTION_STATUSES.map((status) => ({ value: status, label: t(`carePlan.actionStatus.${status}`) }))}
            value={action.status}
            onChange={(value) => set({ status: oneOf(value, CARE_ACTION_STATUSES) ?? 'planned' })}
            allowDeselect={false}
          />
        </Group>
      </Stack>
    </Card>
  );
}

function GoalFields({
  goal,
  areas,
  path,
  errors,
  onChange,
  onRemove,
}: {
  goal: GoalDraft;
  areas: ServiceArea[];
  path: string;
  errors: Record<string, string>;
  onChange: (goal: GoalDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const set = (changes: Partial<GoalDraft>) => onChange({ ...goal, ...changes });
  const setAction = (index: number, action: ActionDraft) => set({ actions: goal.actions.map((item, i) => (i === index ? action : item)) });
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Group grow wrap="wrap" align="flex-end">
          <Select
            label={t('carePlan.goal.serviceArea')}
            data={areas.map((area) => ({ value: area, label: t(`serviceDirectory.areas.${area}`) }))}
            value={goal.serviceArea}
            onChange={(value) => set({ serviceArea: oneOf(value, SERVICE_AREAS) ?? null })}
            error={errors[`${path}.serviceArea`]}
            required
          />
          <Select
            label={t('carePlan.goal.status')}
            data={CARE_GOAL_STATUSES.map((status) => ({ value: status, label: t(`carePlan.goalStatus.${status}`) }))}
            value={goal.status}
            onChange={(value) => set({ status: oneOf(value, CARE_GOAL_STATUSES) ?? 'open' })}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t('carePlan.goal.goal')}
          value={goal.goal}
          onChange={(event) => set({ goal: event.currentTarget.value })}
          error={errors[`${path}.goal`]}
          autosize
          minRows={1}
          required
        />
        {goal.actions.map((action, index) => (
          <ActionFields
            // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id until saved
            key={index}
            action={action}
            path={`${path}.actions.${index}`}
            errors={errors}
            onChange={(next) => setAction(index, next)}
            onRemove={() => set({ actions: goal.actions.filter((_, i) => i !== index) })}
          />
        ))}
        <Group justify="space-between">
          <Button variant="subtle" size="xs" onClick={() => set({ actions: [...goal.actions, emptyAction()] })}>
            {t('carePlan.form.addAction')}
          </Button>
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            {t('carePlan.form.removeGoal')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PlanForm({ caseId, current, record, onDone }: PlanFormProps) {
  const { t } = useTranslation();
  // Keyed by the version revised: a draft typed over an older plan is not laid over a newer one.
  const {
    values: plan,
    setValues: setPlan,
    draft,
  } = useDraftForm<PlanDraft>(() => draftFromVersion(current, record), { form: 'care-plan', record: `${caseId}:${current?.version ?? 0}` });
  const areas = useMemo(() => recordableAreas(record), [record]);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const revise = useReviseCarePlan(caseId);
  const errors = useRecordFieldErrors(clientErrors, revise.error);
  const set = (changes: Partial<PlanDraft>) => setPlan((value) => ({ ...value, ...changes }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(carePlanInputSchema, bodyFromDraft(plan, current?.version ?? 0));
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) revise.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Textarea
          label={t('carePlan.victimGoals')}
          description={t('carePlan.victimGoalsHelp')}
          value={plan.victimGoals}
          onChange={(event) => set({ victimGoals: event.currentTarget.value })}
          error={errors.victimGoals}
          autosize
          minRows={3}
          required
        />
        <Title order={3} size="h5">
          {t('carePlan.agreement.title')}
        </Title>
        <Group grow wrap="wrap">
          <DateInput
            label={t('carePlan.agreement.agreedOn')}
            value={plan.agreedOn}
            onChange={(value) => set({ agreedOn: value })}
            error={errors.agreedOn}
          />
          <Select
            label={t('carePlan.agreement.method')}
            data={CARE_PLAN_AGREEMENT_METHODS.map((method) => ({ value: method, label: t(`carePlan.agreementMethod.${method}`) }))}
            value={plan.agreementMethod}
            onChange={(value) => set({ agreementMethod: oneOf(value, CARE_PLAN_AGREEMENT_METHODS) ?? null })}
            error={errors.agreementMethod}
            clearable
          />
        </Group>
        <Group grow wrap="wrap">
          <TextInput
            label={t('carePlan.agreement.witnessedBy')}
            value={plan.witnessedBy}
            onChange={(event) => set({ witnessedBy: event.currentTarget.value })}
          />
          <DateInput
            label={t('carePlan.reviewOn')}
            value={plan.reviewOn}
            onChange={(value) => set({ reviewOn: value })}
            error={errors.reviewOn}
          />
        </Group>
        <Title order={3} size="h5">
          {t('carePlan.goals')}
        </Title>
        {plan.goals.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('carePlan.noGoals')}
          </Text>
        )}
        {plan.goals.map((goal, index) => (
          <GoalFields
            // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id until saved
            key={index}
            goal={goal}
            areas={areas}
            path={`goals.${index}`}
            errors={errors}
            onChange={(next) => set({ goals: plan.goals.map((item, i) => (i === index ? next : item)) })}
            onRemove={() => set({ goals: plan.goals.filter((_, i) => i !== index) })}
          />
        ))}
        <Button variant="light" onClick={() => set({ goals: [...plan.goals, emptyGoal()] })} style={{ alignSelf: 'flex-start' }}>
          {t('carePlan.form.addGoal')}
        </Button>
        <ProblemAlert error={revise.error} />
        <FormFooter onCancel={onDone} submitting={revise.isPending} submitLabel={t('carePlan.form.save')} />
      </Stack>
    </form>
  );
}

/** Making or revising the plan with her: the saved plan becomes the next version, earlier ones stay. */
export function CarePlanFormModal({ opened, ...props }: PlanFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={opened}
      onClose={props.onDone}
      title={props.current ? t('carePlan.form.reviseTitle') : t('carePlan.form.newTitle')}
      size="xl"
    >
      {opened && <PlanForm {...props} />}
    </GuardedModal>
  );
}
