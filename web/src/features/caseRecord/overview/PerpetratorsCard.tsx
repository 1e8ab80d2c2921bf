import { Badge, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  type CaseDetail,
  type FieldError,
  GENDERS,
  PERPETRATOR_ROLES,
  perpetratorInputSchema,
  RELATIONSHIPS_TO_TRAFFICKER,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useLocale } from '../../../i18n/useLocale';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { useCountryName, useCountryOptions } from '../../countries/useCountries';
import { blankToNull, sortedOptions } from '../common/options';
import { RecordTableCard } from '../common/RecordTableCard';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useAddPerpetrator, usePerpetrators, useRemovePerpetrator } from '../queries';

type Role = (typeof PERPETRATOR_ROLES)[number];

interface PerpetratorValues {
  roles: Role[];
  name: string;
  gender: (typeof GENDERS)[number] | null;
  nationality: string | null;
  relationship: (typeof RELATIONSHIPS_TO_TRAFFICKER)[number] | null;
}

const EMPTY: PerpetratorValues = { roles: [], name: '', gender: null, nationality: null, relationship: null };

function PerpetratorForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryOptions = useCountryOptions();
  const { values, setField, draft } = useDraftForm(EMPTY, { form: 'perpetrator', record: caseId });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const add = useAddPerpetrator(caseId);
  const errors = useRecordFieldErrors(clientErrors, add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(perpetratorInputSchema, { ...values, name: blankToNull(values.name) });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) add.mutate(checked.data, { onSuccess: () => draft.clear(EMPTY) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DraftNotice draft={draft} />
        <Title order={3} size="h6">
          {t('caseRecord.perpetrators.add')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('caseRecord.perpetrators.roles')}
            data={sortedOptions(PERPETRATOR_ROLES, (role) => t(`vocab.perpetratorRole.${role}`), locale)}
            value={values.roles}
            onChange={(roles) =>
              setField(
                'roles',
                roles.flatMap((role) => oneOf(role, PERPETRATOR_ROLES) ?? []),
              )
            }
            error={errors.roles}
            required
            searchable
          />
          <TextInput
            label={t('caseRecord.perpetrators.name')}
            description={t('caseRecord.perpetrators.nameHint')}
            value={values.name}
            onChange={(event) => setField('name', event.currentTarget.value)}
            error={errors.name}
          />
          <Select
            label={t('caseRecord.perpetrators.gender')}
            data={GENDERS.map((gender) => ({ value: gender, label: t(`gender.${gender}`) }))}
            value={values.gender}
            onChange={(value) => setField('gender', oneOf(value, GENDERS) ?? null)}
            error={errors.gender}
            clearable
          />
          <Select
            label={t('caseRecord.perpetrators.nationality')}
            data={countryOptions}
            value={values.nationality}
            onChange={(value) => setField('nationality', value)}
            error={errors.nationality}
            searchable
            clearable
          />
          <Select
            label={t('caseRecord.perpetrators.relationship')}
            data={RELATIONSHIPS_TO_TRAFFICKER.map((value) => ({ value, label: t(`vocab.relationship.${value}`) }))}
            value={values.relationship}
            onChange={(value) => setField('relationship', oneOf(value, RELATIONSHIPS_TO_TRAFFICKER) ?? null)}
            error={errors.relationship}
            clearable
          />
        </SimpleGrid>
        <ProblemAlert error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('caseRecord.perpetrators.addButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** HTCDS `per_`: who did what; a name is shown only to those the legal section is open to. */
export function PerpetratorsCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const perpetrators = usePerpetrators(detail.id);
  const remove = useRemovePerpetrator(detail.id);
  const canEdit = detail.abilities.update;

  return (
    <RecordTableCard
      title={t('caseRecord.perpetrators.title')}
      empty={t('caseRecord.perpetrators.empty')}
      query={perpetrators}
      headers={[t('caseRecord.perpetrators.roles'), t('caseRecord.perpetrators.name'), t('caseRecord.perpetrators.details')]}
      cells={(item) => (
        <>
          <Table.Td>
            <Group gap={4}>
              {item.roles.map((role) => (
                <Badge key={role} variant="light" size="sm">
                  {t(`vocab.perpetratorRole.${role}`)}
                </Badge>
              ))}
            </Group>
          </Table.Td>
          <Table.Td>
            {item.name === undefined ? (
              <Text size="sm" c="dimmed">
                {t('caseRecord.perpetrators.nameRestricted')}
              </Text>
            ) : (
              (item.name ?? '')
            )}
          </Table.Td>
          <Table.Td>
            {[
              item.gender && t(`gender.${item.gender}`),
              item.nationality && countryName(item.nationality),
              item.relationship && t(`vocab.relationship.${item.relationship}`),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Table.Td>
        </>
      )}
      remove={canEdit ? remove : null}
      form={canEdit && <PerpetratorForm caseId={detail.id} />}
    />
  );
}
