import { Alert, Checkbox, List, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { Placement, ShelterFacility } from '@seamless/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { blankToNull } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useAdmit, useShelters, useTransfer } from './queries';
import { brokenRules, groupKey, placeableUnits } from './shelterView';

interface PlacementFormProps {
  caseId: string;
  /** Set for a transfer: the placement she leaves. */
  current: Placement | null;
  today: string;
  mayOverride: boolean;
  onDone: () => void;
}

function PlacementForm({ caseId, current, today, mayOverride, onDone }: PlacementFormProps) {
  const { t } = useTranslation();
  const shelters = useShelters();
  const admit = useAdmit(caseId);
  const transfer = useTransfer(caseId);
  const mutation = current ? transfer : admit;
  const { values, setField, draft } = useDraftForm<{
    facilityId: string | null;
    unitId: string | null;
    bed: string;
    onDay: string;
    expectedLeaveOn: string;
    specialNeeds: boolean;
    withParentCaseId: string;
    overrideReason: string;
  }>(
    {
      facilityId: null,
      unitId: null,
      bed: '',
      onDay: today,
      expectedLeaveOn: '',
      specialNeeds: current?.specialNeeds ?? false,
      withParentCaseId: '',
      overrideReason: '',
    },
    { form: 'shelter-placement', record: `${caseId}:${current?.id ?? 'admit'}` },
  );
  const { facilityId, unitId, bed, onDay, expectedLeaveOn, specialNeeds, withParentCaseId, overrideReason } = values;
  // Only shelters whose beds the reader counts can take a placement from her: the others show no units.
  const facilities = (shelters.data?.items ?? []).filter(
    (facility): facility is ShelterFacility & { free: number } => facility.active && facility.free !== null,
  );
  const facility = facilities.find((candidate) => candidate.id === facilityId);
  const units = placeableUnits(facility);
  const unit = units.find((candidate) => candidate.id === unitId);
  const rules = brokenRules(mutation.error);
  const overridable = mayOverride && rules.length > 0 && !rules.includes('already_placed');
  const shareRequired = mutation.error instanceof ApiProblem && mutation.error.code === 'share_required';
  const errors = useRecordFieldErrors([], mutation.error, {
    ...(rules.length
      ? { unitId: rules.map((rule) => t(`shelters.rule.${rule}`)).join(' '), caseId: t('shelters.rule.already_placed') }
      : {}),
    ...(shareRequired ? { facilityId: t('shelters.form.shareRequired') } : {}),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!facilityId || !unitId) return;
    const target = {
      facilityId,
      unitId,
      bed: blankToNull(bed),
      specialNeeds,
      withParentCaseId: unit?.ageGroup === 'family' ? blankToNull(withParentCaseId) : null,
      override: overridable && overrideReason.trim() ? { reason: overrideReason.trim() } : null,
    };
    if (current) transfer.mutate({ ...target, transferredOn: onDay, version: current.version }, { onSuccess: draft.clearing(onDone) });
    else
      admit.mutate({ ...target, admittedOn: onDay, expectedLeaveOn: blankToNull(expectedLeaveOn) }, { onSuccess: draft.clearing(onDone) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Select
          label={t('shelters.form.facility')}
          data={facilities.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.free})` }))}
          value={facilityId}
          onChange={(value) => {
            setField('facilityId', value);
            setField('unitId', null);
          }}
          error={errors.facilityId}
          searchable
          required
        />
        <Select
          label={t('shelters.form.unit')}
          data={units.map((candidate) => ({
            value: candidate.id,
            label: t('shelters.form.unitOption', {
              name: candidate.name,
              group: t(`shelters.group.${groupKey(candidate)}` as never),
              free: candidate.free,
            }),
          }))}
          value={unitId}
          onChange={(value) => setField('unitId', value)}
          disabled={!facility}
          error={errors.unitId}
          required
        />
        <TextInput
          label={t('shelters.form.bed')}
          value={bed}
          onChange={(event) => setField('bed', event.currentTarget.value)}
          error={errors.bed}
        />
        <DateInput
          label={current ? t('shelters.form.transferredOn') : t('shelters.form.admittedOn')}
          value={onDay}
          onChange={(value) => setField('onDay', value)}
          error={errors.admittedOn ?? errors.transferredOn}
          required
        />
        {!current && (
          <DateInput
            label={t('shelters.form.expectedLeaveOn')}
            value={expectedLeaveOn}
            onChange={(value) => setField('expectedLeaveOn', value)}
            error={errors.expectedLeaveOn}
          />
        )}
        <Checkbox
          label={t('shelters.form.specialNeeds')}
          checked={specialNeeds}
          onChange={(event) => setField('specialNeeds', event.currentTarget.checked)}
        />
        {unit?.ageGroup === 'family' && (
          <TextInput
            label={t('shelters.form.withParentCaseId')}
            value={withParentCaseId}
            onChange={(event) => setField('withParentCaseId', event.currentTarget.value)}
            error={errors.withParentCaseId}
          />
        )}
        {rules.length > 0 ? (
          <Alert color="red" variant="light" role="alert" title={t('problem.placement_rule')}>
            <List size="sm">
              {rules.map((rule) => (
                <List.Item key={rule}>{t(`shelters.rule.${rule}`)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : shareRequired ? null : (
          <ProblemAlert error={mutation.error} />
        )}
        {overridable && (
          <Textarea
            label={t('shelters.form.overrideReason')}
            description={t('shelters.form.overrideHint')}
            value={overrideReason}
            onChange={(event) => setField('overrideReason', event.currentTarget.value)}
            minRows={2}
            error={errors['override.reason']}
          />
        )}
        <FormFooter
          onCancel={onDone}
          submitting={mutation.isPending}
          submitLabel={current ? t('shelters.tab.transfer') : t('shelters.tab.admit')}
          disabled={!facilityId || !unitId}
        />
      </Stack>
    </form>
  );
}

export function PlacementModal(props: PlacementFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  const { opened, ...form } = props;
  return (
    <GuardedModal opened={opened} onClose={form.onDone} title={form.current ? t('shelters.tab.transfer') : t('shelters.tab.admit')}>
      {opened && <PlacementForm {...form} />}
    </GuardedModal>
  );
}
