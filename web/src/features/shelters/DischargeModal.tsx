import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { DISCHARGE_DESTINATIONS, type DischargeDestination, type Placement } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { oneOf } from '../../lib/oneOf';
import { blankToNull } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useDischarge } from './queries';

interface DischargeFormProps {
  caseId: string;
  current: Placement;
  today: string;
  onDone: () => void;
}

function DischargeForm({ caseId, current, today, onDone }: DischargeFormProps) {
  const { t } = useTranslation();
  const discharge = useDischarge(caseId);
  const [dischargedOn, setDischargedOn] = useState(today);
  const [destination, setDestination] = useState<DischargeDestination | null>(null);
  const [note, setNote] = useState('');
  const errors = useRecordFieldErrors([], discharge.error, {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!destination) return;
    discharge.mutate({ dischargedOn, destination, note: blankToNull(note), version: current.version }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DateInput
          label={t('shelters.form.dischargedOn')}
          value={dischargedOn}
          onChange={setDischargedOn}
          error={errors.dischargedOn}
          required
        />
        <Select
          label={t('shelters.form.destination')}
          data={DISCHARGE_DESTINATIONS.map((value) => ({ value, label: t(`shelters.destination.${value}`) }))}
          value={destination}
          onChange={(value) => setDestination(oneOf(value, DISCHARGE_DESTINATIONS) ?? null)}
          error={errors.destination}
          required
        />
        <Textarea
          label={t('shelters.form.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.note}
          minRows={2}
        />
        <ProblemAlert error={discharge.error} />
        <FormFooter
          onCancel={onDone}
          submitting={discharge.isPending}
          submitLabel={t('shelters.tab.discharge')}
          disabled={!destination}
          color="red"
        />
      </Stack>
    </form>
  );
}

export function DischargeModal(props: DischargeFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  const { opened, ...form } = props;
  return (
    <Modal opened={opened} onClose={form.onDone} title={t('shelters.tab.discharge')}>
      {opened && <DischargeForm {...form} />}
    </Modal>
  );
}
