import { Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type AssessmentInstrument, assessmentInputSchema, type FieldError, localised } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { validate } from '../../lib/validation';
import { todayIso } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useRecordAssessment } from './queries';

interface AssessmentFormProps {
  caseId: string;
  instruments: AssessmentInstrument[];
  onDone: () => void;
}

interface AssessmentValues {
  instrumentId: string;
  assessedOn: string;
  assessorName: string;
  scores: Record<string, number>;
  notes: Record<string, string>;
}

function AssessmentForm({ caseId, instruments, onDone }: AssessmentFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const narrow = useMediaQuery('(max-width: 36em)');
  const { values, setField, setValues, draft } = useDraftForm<AssessmentValues>(
    { instrumentId: instruments[0]?.id ?? '', assessedOn: todayIso(), assessorName: '', scores: {}, notes: {} },
    { form: 'assessment', record: caseId },
  );
  const { instrumentId, assessedOn, assessorName, scores, notes } = values;
  const cancel = useGuardedCancel(onDone);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const record = useRecordAssessment(caseId);
  const errors = useRecordFieldErrors(clientErrors, record.error);
  const instrument = instruments.find((item) => item.id === instrumentId);
  const points = instrument
    ? Array.from({ length: instrument.scaleMax - instrument.scaleMin + 1 }, (_, index) => instrument.scaleMin + index)
    : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!instrument) return;
    const missing: FieldError[] = instrument.domains
      .flatMap((domain) => domain.items)
      .filter((item) => scores[item.key] === undefined)
      .map((item) => ({ path: `scores.${item.key}`, code: 'required', message: t('assessments.form.scoreRequired') }));
    const domainNotes = Object.fromEntries(Object.entries(notes).filter(([, note]) => note.trim()));
    const checked = validate(assessmentInputSchema, { instrumentId, assessedOn, assessorName, scores, domainNotes });
    const all = [...missing, ...(checked.ok ? [] : checked.errors)];
    setClientErrors(all);
    if (checked.ok && !missing.length) record.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        {instruments.length > 1 && (
          <Select
            label={t('assessments.form.instrument')}
            data={instruments.map((item) => ({ value: item.id, label: localised(item.name, locale) }))}
            value={instrumentId}
            onChange={(value) => setField('instrumentId', value ?? '')}
            allowDeselect={false}
          />
        )}
        <Group grow wrap="wrap">
          <DateInput
            label={t('assessments.form.assessedOn')}
            value={assessedOn}
            onChange={(value) => setField('assessedOn', value)}
            error={errors.assessedOn}
            required
          />
          <TextInput
            label={t('assessments.form.assessor')}
            value={assessorName}
            onChange={(event) => setField('assessorName', event.currentTarget.value)}
            error={errors.assessorName}
            required
          />
        </Group>
        {instrument?.domains.map((domain) => (
          <Stack key={domain.key} gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Title order={3} size="h5" component="legend">
              {localised(domain.labels, locale)}
            </Title>
            {domain.items.map((item) => (
              <Stack key={item.key} gap={4}>
                <Text size="sm" id={`item-${item.key}`}>
                  {localised(item.labels, locale)}
                </Text>
                <SegmentedControl
                  aria-labelledby={`item-${item.key}`}
                  orientation={narrow ? 'vertical' : 'horizontal'}
                  fullWidth
                  size="xs"
                  value={scores[item.key] === undefined ? '' : String(scores[item.key])}
                  onChange={(value) => setValues((current) => ({ ...current, scores: { ...current.scores, [item.key]: Number(value) } }))}
                  data={points.map((point) => ({
                    value: String(point),
                    label: `${point} · ${localised(instrument.scaleLabels[String(point)], locale)}`,
                  }))}
                />
                {errors[`scores.${item.key}`] && (
                  <Text size="xs" c="red">
                    {errors[`scores.${item.key}`]}
                  </Text>
                )}
              </Stack>
            ))}
            <Textarea
              label={t('assessments.form.domainNote')}
              value={notes[domain.key] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((current) => ({ ...current, notes: { ...current.notes, [domain.key]: value } }));
              }}
              error={errors[`domainNotes.${domain.key}`]}
              autosize
              minRows={1}
            />
          </Stack>
        ))}
        <ProblemAlert error={record.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('assessments.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AssessmentFormModal({ opened, ...props }: AssessmentFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={props.onDone} title={t('assessments.form.title')} size="lg">
      {opened && <AssessmentForm {...props} />}
    </GuardedModal>
  );
}
