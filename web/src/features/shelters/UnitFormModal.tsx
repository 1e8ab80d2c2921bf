import { Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { type FieldError, shelterUnitInputSchema, UNIT_AGE_GROUPS, UNIT_KINDS, UNIT_SEXES } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { useFormValues } from '../../lib/useFormValues';
import { validate } from '../../lib/validation';
import { useAddUnit } from './queries';
import { type UnitDraft, unitDraftBody } from './unitDraft';

function UnitForm({ shelterId, onDone }: { shelterId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField } = useFormValues<UnitDraft>(() => ({
    name: '',
    kind: 'room',
    sex: 'female',
    ageGroup: 'adult',
    beds: '',
    specialNeeds: false,
  }));
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const add = useAddUnit(shelterId);
  const errors = useFieldErrors(clientErrors, add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(shelterUnitInputSchema, unitDraftBody(values));
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) add.mutate(checked.data, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('shelters.unitForm.name')}
          required
          value={values.name}
          onChange={(event) => setField('name', event.currentTarget.value)}
          error={errors.name}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('shelters.unitForm.kind')}
            data={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`shelters.unitKind.${kind}`) }))}
            value={values.kind}
            onChange={(value) => {
              const kind = oneOf(value, UNIT_KINDS);
              if (!kind) return;
              setField('kind', kind);
              // A family unit is for families and only it is: keep the pair consistent as she picks.
              if (kind === 'family_unit') setField('ageGroup', 'family');
              else if (values.ageGroup === 'family') setField('ageGroup', 'adult');
            }}
            error={errors.kind}
            allowDeselect={false}
          />
          <Select
            label={t('shelters.unitForm.ageGroup')}
            data={UNIT_AGE_GROUPS.map((group) => ({ value: group, label: t(`shelters.ageGroup.${group}`) }))}
            value={values.ageGroup}
            onChange={(value) => {
              const group = oneOf(value, UNIT_AGE_GROUPS);
              if (group) setField('ageGroup', group);
            }}
            error={errors.ageGroup}
            allowDeselect={false}
          />
          <Select
            label={t('shelters.unitForm.sex')}
            data={UNIT_SEXES.map((sex) => ({ value: sex, label: t(`shelters.sex.${sex}`) }))}
            value={values.sex}
            onChange={(value) => {
              const sex = oneOf(value, UNIT_SEXES);
              if (sex) setField('sex', sex);
            }}
            error={errors.sex}
            allowDeselect={false}
          />
          <NumberInput
            label={t('shelters.unitForm.beds')}
            required
            min={1}
            max={500}
            allowDecimal={false}
            value={values.beds}
            onChange={(value) => setField('beds', value)}
            error={errors.beds}
          />
        </SimpleGrid>
        <Switch
          label={t('shelters.unitForm.specialNeeds')}
          checked={values.specialNeeds}
          onChange={(event) => setField('specialNeeds', event.currentTarget.checked)}
        />
        <ProblemAlert error={add.error} />
        <FormFooter onCancel={onDone} submitting={add.isPending} />
      </Stack>
    </form>
  );
}

/** A shelter manager adds a room, dormitory or family unit and its beds to her agency's shelter. */
export function UnitFormModal({ shelterId, opened, onClose }: { shelterId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shelters.unitForm.title')}>
      {opened && <UnitForm shelterId={shelterId} onDone={onClose} />}
    </Modal>
  );
}
