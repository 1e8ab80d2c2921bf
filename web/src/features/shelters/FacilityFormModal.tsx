import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import {
  type FieldError,
  RESIDENT_AGE_GROUPS,
  SHELTER_KINDS,
  SHELTER_SEXES,
  type ShelterFacility,
  shelterFacilityInputSchema,
  shelterFacilityUpdateSchema,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { type FacilityDraft, facilityDraft, facilityDraftBody } from './facilityDraft';
import { useSaveFacility } from './queries';

function FacilityForm({ facility, onDone }: { facility: ShelterFacility | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<FacilityDraft>(() => facilityDraft(facility), {
    form: 'shelter-facility',
    record: facility?.id ?? 'new',
  });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const save = useSaveFacility();
  const errors = useFieldErrors(clientErrors, save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = facilityDraftBody(values);
    if (facility) {
      const checked = validate(shelterFacilityUpdateSchema, { ...body, version: facility.version });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) save.mutate({ id: facility.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    } else {
      const checked = validate(shelterFacilityInputSchema, body);
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) save.mutate({ id: null, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    }
  };

  const text = (field: 'name' | 'province' | 'district' | 'address' | 'phone', required = false) => (
    <TextInput
      label={t(`shelters.facilityForm.${field}`)}
      required={required}
      type={field === 'phone' ? 'tel' : 'text'}
      value={values[field]}
      onChange={(event) => setField(field, event.currentTarget.value)}
      error={errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        {text('name', true)}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('shelters.facilityForm.kind')}
            data={SHELTER_KINDS.map((kind) => ({ value: kind, label: t(`shelters.kind.${kind}`) }))}
            value={values.kind}
            onChange={(value) => {
              const kind = oneOf(value, SHELTER_KINDS);
              if (kind) setField('kind', kind);
            }}
            error={errors.kind}
            allowDeselect={false}
          />
          {text('province', true)}
          {text('district')}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('shelters.detail.confidential')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('address')}
          {text('phone')}
        </SimpleGrid>
        <Checkbox.Group
          label={t('shelters.facilityForm.servesSexes')}
          value={values.servesSexes}
          onChange={(value) =>
            setField(
              'servesSexes',
              SHELTER_SEXES.filter((sex) => value.includes(sex)),
            )
          }
          error={errors.servesSexes}
        >
          <Group gap="md" mt={4}>
            {SHELTER_SEXES.map((sex) => (
              <Checkbox key={sex} value={sex} label={t(`shelters.sex.${sex}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('shelters.facilityForm.servesAgeGroups')}
          value={values.servesAgeGroups}
          onChange={(value) =>
            setField(
              'servesAgeGroups',
              RESIDENT_AGE_GROUPS.filter((group) => value.includes(group)),
            )
          }
          error={errors.servesAgeGroups}
        >
          <Group gap="md" mt={4}>
            {RESIDENT_AGE_GROUPS.map((group) => (
              <Checkbox key={group} value={group} label={t(`shelters.ageGroup.${group}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('shelters.facilityForm.specialNeedsCapacity')}
            min={0}
            max={1000}
            allowDecimal={false}
            value={values.specialNeedsCapacity}
            onChange={(value) => setField('specialNeedsCapacity', value)}
            error={errors.specialNeedsCapacity}
          />
          <NumberInput
            label={t('shelters.facilityForm.stayLimitDays')}
            min={1}
            max={730}
            allowDecimal={false}
            value={values.stayLimitDays}
            onChange={(value) => setField('stayLimitDays', value)}
            error={errors.stayLimitDays}
          />
        </SimpleGrid>
        <Switch
          label={t('shelters.facilityForm.servesFamilies')}
          checked={values.servesFamilies}
          onChange={(event) => setField('servesFamilies', event.currentTarget.checked)}
        />
        <Switch
          label={t('shelters.facilityForm.active')}
          checked={values.active}
          onChange={(event) => setField('active', event.currentTarget.checked)}
        />
        <ProblemAlert error={save.error} />
        <FormFooter onCancel={onDone} submitting={save.isPending} />
      </Stack>
    </form>
  );
}

/** A shelter manager registers her agency's shelter or corrects it; the address and phone stay confidential. */
export function FacilityFormModal({
  facility,
  opened,
  onClose,
}: {
  facility: ShelterFacility | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t(facility ? 'shelters.facilityForm.edit' : 'shelters.facilityForm.create')}
    >
      {opened && <FacilityForm facility={facility} onDone={onClose} />}
    </GuardedModal>
  );
}
