import { Group, NumberInput, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import {
  type CareAction,
  type CarePlan,
  careServiceInputSchema,
  type FieldError,
  LIVELIHOOD_OUTCOMES,
  localised,
  SERVICE_AREAS,
  type ServiceArea,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { validate } from '../../lib/validation';
import { AgencySelect } from '../caseRecord/common/AgencySelect';
import { todayIso } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useRecordCareService } from './queries';

interface ServiceFormProps {
  caseId: string;
  /** The service areas she may record (by the sections she holds). */
  areas: ServiceArea[];
  incomeBands: CarePlan['incomeBands'];
  actions: CareAction[];
  onDone: () => void;
}

interface ServiceValues {
  deliveredOn: string;
  providerKind: 'agency' | 'name';
  providerAgencyId: string | null;
  providerName: string;
  serviceArea: ServiceArea | null;
  description: string;
  costAmount: number | null;
  costCurrency: string;
  actionKey: string | null;
  outcome: string | null;
  incomeBand: string | null;
}

function ServiceForm({ caseId, areas, incomeBands, actions, onDone }: ServiceFormProps) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<ServiceValues>(
    {
      deliveredOn: todayIso(),
      providerKind: 'agency',
      providerAgencyId: null,
      providerName: '',
      serviceArea: null,
      description: '',
      costAmount: null,
      costCurrency: 'THB',
      actionKey: null,
      outcome: null,
      incomeBand: null,
    },
    { form: 'care-service', record: caseId },
  );
  const { deliveredOn, providerKind, providerAgencyId, providerName, serviceArea, description, costAmount, costCurrency, actionKey } =
    values;
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const record = useRecordCareService(caseId);
  const errors = useRecordFieldErrors(clientErrors, record.error);
  const locale = useLocale();
  const bands = incomeBands.map((band) => ({ value: band.value, label: localised(band.labels, locale) }));
  const livelihood = serviceArea === 'economic_empowerment';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(careServiceInputSchema, {
      deliveredOn,
      providerAgencyId: providerKind === 'agency' ? providerAgencyId : null,
      providerName: providerKind === 'name' ? providerName.trim() || null : null,
      serviceArea,
      description,
      costAmount,
      costCurrency: costAmount === null ? null : costCurrency.trim().toUpperCase() || null,
      actionKey,
      outcome: livelihood ? values.outcome : null,
      incomeBand: livelihood ? values.incomeBand : null,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) record.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Group grow wrap="wrap">
          <DateInput
            label={t('carePlan.service.deliveredOn')}
            value={deliveredOn}
            onChange={(value) => setField('deliveredOn', value)}
            error={errors.deliveredOn}
            required
          />
          <Select
            label={t('carePlan.goal.serviceArea')}
            data={areas.map((area) => ({ value: area, label: t(`serviceDirectory.areas.${area}`) }))}
            value={serviceArea}
            onChange={(value) => setField('serviceArea', oneOf(value, SERVICE_AREAS) ?? null)}
            error={errors.serviceArea}
            required
          />
        </Group>
        <SegmentedControl
          size="xs"
          value={providerKind}
          onChange={(value) => setField('providerKind', value === 'name' ? 'name' : 'agency')}
          data={[
            { value: 'agency', label: t('carePlan.action.byAgency') },
            { value: 'name', label: t('carePlan.action.byOrganisation') },
          ]}
        />
        {providerKind === 'agency' ? (
          <AgencySelect
            label={t('carePlan.service.provider')}
            value={providerAgencyId}
            onChange={(value) => setField('providerAgencyId', value)}
            error={errors.providerAgencyId ?? errors.providerName}
          />
        ) : (
          <TextInput
            label={t('carePlan.service.provider')}
            value={providerName}
            onChange={(event) => setField('providerName', event.currentTarget.value)}
            error={errors.providerName}
          />
        )}
        <Textarea
          label={t('carePlan.service.description')}
          value={description}
          onChange={(event) => setField('description', event.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
          required
        />
        <Group grow wrap="wrap">
          <NumberInput
            label={t('carePlan.service.cost')}
            value={costAmount ?? ''}
            onChange={(value) => setField('costAmount', typeof value === 'number' ? value : null)}
            min={0}
            decimalScale={2}
            thousandSeparator
            error={errors.costAmount}
          />
          <TextInput
            label={t('carePlan.service.currency')}
            value={costCurrency}
            onChange={(event) => setField('costCurrency', event.currentTarget.value)}
            maxLength={3}
            error={errors.costCurrency}
          />
        </Group>
        {actions.length > 0 && (
          <Select
            label={t('carePlan.service.action')}
            data={actions.map((action) => ({ value: action.actionKey, label: action.what }))}
            value={actionKey}
            onChange={(value) => setField('actionKey', value)}
            error={errors.actionKey}
            clearable
          />
        )}
        {livelihood && (
          <Group grow wrap="wrap">
            <Select
              label={t('carePlan.service.outcome')}
              data={LIVELIHOOD_OUTCOMES.map((value) => ({ value, label: t(`carePlan.outcome.${value}`) }))}
              value={values.outcome}
              onChange={(value) => setField('outcome', value)}
              clearable
            />
            <Select
              label={t('carePlan.service.incomeBand')}
              data={bands}
              value={values.incomeBand}
              onChange={(value) => setField('incomeBand', value)}
              error={errors.incomeBand}
              clearable
            />
          </Group>
        )}
        <ProblemAlert error={record.error} />
        <FormFooter onCancel={onDone} submitting={record.isPending} submitLabel={t('carePlan.service.save')} />
      </Stack>
    </form>
  );
}

export function ServiceFormModal({ opened, ...props }: ServiceFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={props.onDone} title={t('carePlan.service.title')} size="lg">
      {opened && <ServiceForm {...props} />}
    </GuardedModal>
  );
}
