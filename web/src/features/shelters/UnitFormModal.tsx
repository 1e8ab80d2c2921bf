import { NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import {
  type FieldError,
  type ShelterUnit,
  shelterUnitInputSchema,
  shelterUnitUpdateSchema,
  UNIT_AGE_GROUPS,
  UNIT_KINDS,
  UNIT_SEXES,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { validate } from '../../lib/validation';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useSaveUnit } from './queries';
import { NEW_UNIT, type UnitDraft, unitDraftBody, unitDraftOf, unitUpdateBody } from './unitDraft';

/** The fields a unit's residents hold: whom it takes, its beds, and that it stays open. */
const OCCUPIED_FIELDS = ['kind', 'sex', 'ageGroup', 'beds', 'active'] as const;

function UnitForm({ shelterId, unit, onDone }: { shelterId: string; unit: ShelterUnit | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<UnitDraft>(() => (unit ? unitDraftOf(unit) : NEW_UNIT), {
    form: 'shelter-unit',
    record: `${shelterId}:${unit?.id ?? 'new'}`,
  });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const save = useSaveUnit(shelterId);
  // The only rule the server adds on these fields is the residents' (unit_occupied): say it in her language.
  const occupied = t('shelters.unitForm.occupied', { count: unit?.occupied ?? 0 });
  const errors = useRecordFieldErrors(clientErrors, save.error, Object.fromEntries(OCCUPIED_FIELDS.map((field) => [field, occupied])));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unit) {
      const checked = validate(shelterUnitUpdateSchema, unitUpdateBody(values, unit.version));
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) save.mutate({ unitId: unit.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
      return;
    }
    const checked = validate(shelterUnitInputSchema, unitDraftBody(values));
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) save.mutate({ unitId: null, body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
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
        {unit && (
          <Switch
            label={t('shelters.unitForm.active')}
            description={t('shelters.unitForm.activeHint')}
            checked={values.active}
            onChange={(event) => setField('active', event.currentTarget.checked)}
            error={errors.active}
          />
        )}
        <ProblemAlert error={save.error} />
        <FormFooter onCancel={onDone} submitting={save.isPending} />
      </Stack>
    </form>
  );
}

/** A shelter manager adds a room, dormitory or family unit and its beds to her agency's shelter, or edits one. */
export function UnitFormModal({
  shelterId,
  unit,
  opened,
  onClose,
}: {
  shelterId: string;
  /** The unit she edits; none when she adds one. */
  unit?: ShelterUnit | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t(unit ? 'shelters.unitForm.editTitle' : 'shelters.unitForm.title')}>
      {opened && <UnitForm shelterId={shelterId} unit={unit ?? null} onDone={onClose} />}
    </GuardedModal>
  );
}
