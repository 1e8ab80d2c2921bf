import { Button, Card, DataList, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  type CaseDetail,
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  type FieldError,
  FORCED_LABOUR_INDUSTRIES,
  ONLINE_PLATFORMS,
  RECRUITMENT_METHODS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEXUAL_EXPLOITATION_TYPES,
  type VictimContext,
  victimContextUpdateSchema,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { useCountryName, useCountryOptions } from '../../countries/useCountries';
import { Field } from '../common/Field';
import { MutationProblem } from '../common/MutationProblem';
import { blankToNull, sortedOptions } from '../common/options';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useCaseDetail, useSaveVictimContext } from '../queries';

type ListField =
  | 'recruitmentMethods'
  | 'recruitmentApps'
  | 'controlMethods'
  | 'exploitationTypes'
  | 'forcedLabourIndustries'
  | 'sexualExploitationTypes'
  | 'relationshipsToTrafficker';

interface VictimContextValues extends Pick<VictimContext, ListField> {
  recruitmentPlace: string;
  recruitmentCountry: string | null;
  exploitationCountry: string | null;
  ageWhenTrafficked: number | '';
}

function initialValues(context: VictimContext | null): VictimContextValues {
  return {
    recruitmentMethods: context?.recruitmentMethods ?? [],
    recruitmentApps: context?.recruitmentApps ?? [],
    controlMethods: context?.controlMethods ?? [],
    exploitationTypes: context?.exploitationTypes ?? [],
    forcedLabourIndustries: context?.forcedLabourIndustries ?? [],
    sexualExploitationTypes: context?.sexualExploitationTypes ?? [],
    relationshipsToTrafficker: context?.relationshipsToTrafficker ?? [],
    recruitmentPlace: context?.recruitmentPlace ?? '',
    recruitmentCountry: context?.recruitmentCountry ?? null,
    exploitationCountry: context?.exploitationCountry ?? null,
    ageWhenTrafficked: context?.ageWhenTrafficked ?? '',
  };
}

/** What agencies that may not change the record see: the same facts, as text. */
function VictimContextView({ context }: { context: VictimContext | null }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const list = <Value extends string>(values: readonly Value[] | undefined, label: (value: Value) => string) =>
    (values ?? []).map(label).join(', ');
  return (
    <DataList>
      <Field label={t('caseRecord.victimContext.exploitationTypes')}>
        {list(context?.exploitationTypes, (v) => t(`vocab.exploitationType.${v}`))}
      </Field>
      <Field label={t('caseRecord.victimContext.forcedLabourIndustries')}>
        {list(context?.forcedLabourIndustries, (v) => t(`vocab.forcedLabourIndustry.${v}`))}
      </Field>
      <Field label={t('caseRecord.victimContext.sexualExploitationTypes')}>
        {list(context?.sexualExploitationTypes, (v) => t(`vocab.sexualExploitationType.${v}`))}
      </Field>
      <Field label={t('caseRecord.victimContext.controlMethods')}>
        {list(context?.controlMethods, (v) => t(`vocab.controlMethod.${v}`))}
      </Field>
      <Field label={t('caseRecord.victimContext.recruitmentMethods')}>
        {list(context?.recruitmentMethods, (v) => t(`vocab.recruitmentMethod.${v}`))}
      </Field>
      <Field label={t('caseRecord.victimContext.recruitmentApps')}>
        {list(context?.recruitmentApps, (v) => t(`vocab.onlinePlatform.${v}`))}
      </Field>
      <Field label={t('caseRecord.victimContext.relationshipsToTrafficker')}>
        {list(context?.relationshipsToTrafficker, (v) => t(`vocab.relationship.${v}`))}
      </Field>
      <Field label={t('caseRecord.victimContext.ageWhenTrafficked')}>{context?.ageWhenTrafficked}</Field>
      <Field label={t('caseRecord.victimContext.recruitmentPlace')}>
        {[context?.recruitmentPlace, context?.recruitmentCountry && countryName(context.recruitmentCountry)].filter(Boolean).join(', ')}
      </Field>
      <Field label={t('caseRecord.victimContext.exploitationCountry')}>
        {context?.exploitationCountry && countryName(context.exploitationCountry)}
      </Field>
    </DataList>
  );
}

/** HTCDS `vic_`: how the person was recruited, controlled and exploited. */
export function VictimContextCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('caseRecord.victimContext.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('caseRecord.victimContext.description')}
      </Text>
      {detail.abilities.update ? <VictimContextForm detail={detail} /> : <VictimContextView context={detail.victimContext} />}
    </Card>
  );
}

function VictimContextForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryOptions = useCountryOptions();
  const refetch = useCaseDetail(detail.id).refetch;
  const { values, setField, draft } = useDraftForm(() => initialValues(detail.victimContext), {
    form: 'victim-context',
    record: detail.id,
  });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useSaveVictimContext(detail.id);
  const errors = useRecordFieldErrors(clientErrors, save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const checked = validate(victimContextUpdateSchema, {
      ...values,
      recruitmentPlace: blankToNull(values.recruitmentPlace),
      ageWhenTrafficked: values.ageWhenTrafficked === '' ? null : values.ageWhenTrafficked,
      // The version last loaded (0 before anything was recorded); a conflict keeps the input for another try.
      version: detail.victimContext?.version ?? 0,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) save.mutate(checked.data, { onSuccess: draft.clearing(() => setSaved(true)) });
  };

  const list = <Name extends ListField>(
    field: Name,
    vocabulary: readonly VictimContextValues[Name][number][],
    label: string,
    optionLabel: (value: VictimContextValues[Name][number]) => string,
  ) => (
    <MultiSelect
      label={label}
      data={sortedOptions(vocabulary, optionLabel, locale)}
      value={values[field] as string[]}
      onChange={(selected) => setField(field, selected.flatMap((value) => oneOf(value, vocabulary) ?? []) as VictimContextValues[Name])}
      error={errors[field]}
      searchable
      clearable
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {list('exploitationTypes', EXPLOITATION_TYPES, t('caseRecord.victimContext.exploitationTypes'), (v) =>
            t(`vocab.exploitationType.${v}`),
          )}
          {list('forcedLabourIndustries', FORCED_LABOUR_INDUSTRIES, t('caseRecord.victimContext.forcedLabourIndustries'), (v) =>
            t(`vocab.forcedLabourIndustry.${v}`),
          )}
          {list('sexualExploitationTypes', SEXUAL_EXPLOITATION_TYPES, t('caseRecord.victimContext.sexualExploitationTypes'), (v) =>
            t(`vocab.sexualExploitationType.${v}`),
          )}
          {list('controlMethods', CONTROL_METHODS, t('caseRecord.victimContext.controlMethods'), (v) => t(`vocab.controlMethod.${v}`))}
          {list('recruitmentMethods', RECRUITMENT_METHODS, t('caseRecord.victimContext.recruitmentMethods'), (v) =>
            t(`vocab.recruitmentMethod.${v}`),
          )}
          {list('recruitmentApps', ONLINE_PLATFORMS, t('caseRecord.victimContext.recruitmentApps'), (v) => t(`vocab.onlinePlatform.${v}`))}
          {list('relationshipsToTrafficker', RELATIONSHIPS_TO_TRAFFICKER, t('caseRecord.victimContext.relationshipsToTrafficker'), (v) =>
            t(`vocab.relationship.${v}`),
          )}
          <NumberInput
            label={t('caseRecord.victimContext.ageWhenTrafficked')}
            description={t('caseRecord.victimContext.ageWhenTraffickedHint')}
            value={values.ageWhenTrafficked}
            onChange={(value) => setField('ageWhenTrafficked', typeof value === 'number' ? value : '')}
            error={errors.ageWhenTrafficked}
            min={0}
            max={120}
            // An age out of range is shown as an error to correct, never silently changed to the nearest bound.
            clampBehavior="none"
            allowDecimal={false}
          />
          <TextInput
            label={t('caseRecord.victimContext.recruitmentPlace')}
            value={values.recruitmentPlace}
            onChange={(event) => setField('recruitmentPlace', event.currentTarget.value)}
            error={errors.recruitmentPlace}
          />
          <Select
            label={t('caseRecord.victimContext.recruitmentCountry')}
            data={countryOptions}
            value={values.recruitmentCountry}
            onChange={(value) => setField('recruitmentCountry', value)}
            error={errors.recruitmentCountry}
            searchable
            clearable
          />
          <Select
            label={t('caseRecord.victimContext.exploitationCountry')}
            data={countryOptions}
            value={values.exploitationCountry}
            onChange={(value) => setField('exploitationCountry', value)}
            error={errors.exploitationCountry}
            searchable
            clearable
          />
        </SimpleGrid>
        <MutationProblem mutation={save} onReload={() => refetch()} />
        <Group justify="flex-end">
          {saved && !save.isPending && (
            <Text size="sm" c="teal" role="status">
              {t('caseRecord.common.saved')}
            </Text>
          )}
          <Button type="submit" loading={save.isPending}>
            {t('caseRecord.victimContext.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
