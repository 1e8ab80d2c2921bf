import { Alert, Badge, Checkbox, Group, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import {
  type CaseDetail,
  elementsMet,
  type FieldError,
  IDENTIFICATION_PROCEDURES,
  INDICATOR_ELEMENTS,
  INDICATORS,
  type Interview,
  interviewInputSchema,
  interviewUpdateSchema,
  PROCEDURE_KEYS,
  SPOKEN_LANGUAGES,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/DateInput';
import { FormFooter } from '../../../components/FormFooter';
import { GuardedModal } from '../../../components/GuardedModal';
import { useLocale } from '../../../i18n/useLocale';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { AgencyMultiSelect } from '../common/AgencySelect';
import { indicatorLabel, procedureLabel, stepLabel } from '../common/labels';
import { MutationProblem } from '../common/MutationProblem';
import { sortedOptions, todayIso } from '../common/options';
import { groupError, useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useAddInterview, useIdentification, useUpdateInterview } from '../queries';
import { type InterviewFormValues, interpreterHoldsCompletion, interviewCandidate } from './interviewForm';

interface InterviewFormProps {
  detail: CaseDetail;
  /** The interview being edited, or null for a new one. */
  interview: Interview | null;
  initial: InterviewFormValues;
  onDone: (outcome?: { interpreterError: unknown }) => void;
}

/** Which of the three elements the ticked indicators establish; means are waived for a child. */
function ElementsSummary({ values, child }: { values: InterviewFormValues; child: boolean }) {
  const { t } = useTranslation();
  const assessment = elementsMet(values, child);
  return (
    <Group gap="xs" aria-live="polite">
      <Text size="sm">{t('caseRecord.identification.elementsEstablished')}</Text>
      {INDICATOR_ELEMENTS.map((element) => {
        const present = assessment.present.includes(element);
        const waived = element === 'means' && assessment.meansWaived && !present;
        return (
          <Badge key={element} color={present ? 'teal' : waived ? 'gray' : 'red'} variant={present ? 'filled' : 'outline'}>
            {t(`identification.element.${element}`)}:{' '}
            {present
              ? t('caseRecord.identification.elementPresent')
              : waived
                ? t('caseRecord.identification.elementWaived')
                : t('caseRecord.identification.elementMissing')}
          </Badge>
        );
      })}
    </Group>
  );
}

function InterviewForm({ detail, interview, initial, onDone }: InterviewFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const identification = useIdentification(detail.id);
  const { values, setField, draft } = useDraftForm(initial, { form: 'interview', record: `${detail.id}:${interview?.id ?? 'new'}` });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const add = useAddInterview(detail.id);
  const update = useUpdateInterview(detail.id);
  const mutation = interview ? update : add;
  const errors = useRecordFieldErrors(clientErrors, mutation.error);
  const withAccount = detail.abilities.readIdentity;
  const procedure = IDENTIFICATION_PROCEDURES[values.procedure];
  const languageOptions = sortedOptions(SPOKEN_LANGUAGES, (code) => t(`languageName.${code}`), locale);
  // A completed interview is the record others rely on: it cannot be turned back into a draft.
  const lockedCompleted = interview?.status === 'completed';
  // The interpreter's state as last loaded: it may have been confirmed after this form was opened.
  const live = identification.data?.interviews.find((item) => item.id === interview?.id) ?? interview;
  const heldByInterpreter = interpreterHoldsCompletion(values, live);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = interviewCandidate({ ...values, completed: values.completed && !heldByInterpreter }, withAccount);
    if (interview) {
      // The version last loaded: after a conflict and a reload, saving applies the user's input to it.
      const version = identification.data?.interviews.find((item) => item.id === interview.id)?.version ?? interview.version;
      const checked = validate(interviewUpdateSchema, { ...candidate, version });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok)
        update.mutate(
          { interviewId: interview.id, body: checked.data },
          {
            onSuccess: () => {
              draft.clear();
              onDone();
            },
          },
        );
    } else {
      const checked = validate(interviewInputSchema, candidate);
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) {
        add.mutate(
          { body: checked.data, interpreterLanguage: values.interpreterLanguage },
          {
            onSuccess: ({ interpreterError }) => {
              draft.clear();
              onDone({ interpreterError });
            },
          },
        );
      }
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('caseRecord.interview.procedure')}
            data={PROCEDURE_KEYS.map((key) => ({ value: key, label: procedureLabel(t, key) }))}
            value={values.procedure}
            onChange={(value) => {
              const next = oneOf(value, PROCEDURE_KEYS);
              if (!next) return;
              setField('procedure', next);
              setField(
                'stepsCompleted',
                values.stepsCompleted.filter((step) => IDENTIFICATION_PROCEDURES[next].steps.includes(step)),
              );
            }}
            error={errors.procedure}
            allowDeselect={false}
          />
          <DateInput
            label={t('caseRecord.interview.conductedOn')}
            value={values.conductedOn}
            max={todayIso()}
            onChange={(value) => setField('conductedOn', value)}
            error={errors.conductedOn}
            required
          />
          <TextInput
            label={t('caseRecord.interview.place')}
            value={values.place}
            onChange={(event) => setField('place', event.currentTarget.value)}
            error={errors.place}
          />
          <Select
            label={t('caseRecord.interview.language')}
            description={t('caseRecord.interview.languageHint')}
            data={languageOptions}
            value={values.language}
            onChange={(value) => setField('language', oneOf(value, SPOKEN_LANGUAGES) ?? null)}
            error={errors.language}
            searchable
            clearable
          />
        </SimpleGrid>
        <AgencyMultiSelect
          label={t('caseRecord.interview.participants')}
          description={t('caseRecord.interview.participantsHint')}
          value={values.participantAgencyIds}
          onChange={(ids) => setField('participantAgencyIds', ids)}
          error={errors.participantAgencyIds}
        />
        <Checkbox.Group
          label={t('caseRecord.interview.steps')}
          description={procedureLabel(t, values.procedure)}
          value={values.stepsCompleted}
          onChange={(steps) => setField('stepsCompleted', steps)}
          error={groupError(errors, 'stepsCompleted')}
        >
          <Stack gap={6} mt="xs">
            {procedure.steps.map((step) => (
              <Checkbox key={step} value={step} label={stepLabel(t, values.procedure, step)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {detail.child && (
          <Alert color="blue" variant="light" title={t('caseRecord.identification.childTitle')}>
            {t('identification.childRule')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {INDICATOR_ELEMENTS.map((element) => (
            <Checkbox.Group
              key={element}
              label={
                element === 'means' && detail.child
                  ? t('caseRecord.interview.meansForChild', { element: t('identification.element.means') })
                  : t(`identification.element.${element}`)
              }
              description={t(`identification.element.${element}Explanation`)}
              value={values[element]}
              onChange={(chosen) => setField(element, chosen)}
              error={groupError(errors, `indicators.${element}`)}
            >
              <Stack gap={6} mt="xs">
                {INDICATORS[element].map((indicator) => (
                  <Checkbox key={indicator} value={indicator} label={indicatorLabel(t, indicator)} />
                ))}
              </Stack>
            </Checkbox.Group>
          ))}
        </SimpleGrid>
        <ElementsSummary values={values} child={detail.child} />
        {withAccount && (
          <Textarea
            label={t('caseRecord.interview.account')}
            description={t('caseRecord.interview.accountHint')}
            value={values.account}
            onChange={(event) => setField('account', event.currentTarget.value)}
            error={errors.account}
            autosize
            minRows={4}
          />
        )}
        {!interview && (
          <Select
            label={t('caseRecord.interview.interpreterLanguage')}
            description={t('caseRecord.interview.interpreterLanguageHint')}
            data={languageOptions}
            value={values.interpreterLanguage}
            onChange={(value) => {
              const language = oneOf(value, SPOKEN_LANGUAGES) ?? null;
              setField('interpreterLanguage', language);
              // The interpreter is for the language the person speaks: fill that in when it is still open.
              if (language && !values.language) setField('language', language);
            }}
            searchable
            clearable
          />
        )}
        <Switch
          label={t('caseRecord.interview.completed')}
          description={heldByInterpreter ? t('fieldChecks.interview.interpreterFirst') : t('caseRecord.interview.completedHint')}
          checked={values.completed && !heldByInterpreter}
          onChange={(event) => setField('completed', event.currentTarget.checked)}
          disabled={lockedCompleted || heldByInterpreter}
          error={errors.status}
        />
        <MutationProblem mutation={mutation} onReload={() => identification.refetch()} />
        <FormFooter
          onCancel={() => onDone()}
          submitting={mutation.isPending}
          submitLabel={interview ? t('common.save') : t('caseRecord.interview.save')}
        />
      </Stack>
    </form>
  );
}

interface InterviewFormModalProps {
  detail: CaseDetail;
  target: { interview: Interview | null; initial: InterviewFormValues } | null;
  onClose: (outcome?: { interpreterError: unknown }) => void;
}

export function InterviewFormModal({ detail, target, onClose }: InterviewFormModalProps) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={target !== null}
      onClose={() => onClose()}
      title={target?.interview ? t('caseRecord.interview.editTitle') : t('caseRecord.interview.newTitle')}
      size="90rem"
    >
      {target && <InterviewForm key={target.interview?.id ?? 'new'} detail={detail} {...target} onDone={onClose} />}
    </GuardedModal>
  );
}
