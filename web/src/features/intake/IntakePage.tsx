import { Alert, Box, Button, Checkbox, Fieldset, Grid, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { EXPLOITATION_TYPES, type FieldError, INTAKE_CHANNELS, INTAKE_URGENCIES, type PersonMatchCandidate } from '@seamless/contracts';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { PhoneActionBar } from '../../components/PhoneActionBar';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterButton } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { fieldErrorMessage } from '../../lib/fieldErrorMessage';
import { oneOf } from '../../lib/oneOf';
import { useMe } from '../auth/MeContext';
import { ConfiguredFields } from '../forms/ConfiguredFields';
import { answersOfForm, checkFormAnswers, type FormAnswers } from '../forms/configuredForm';
import { useConfiguredForm } from '../forms/useConfiguredForm';
import { PossibleMatchesPanel } from '../matching/PossibleMatchesPanel';
import { AgencyPicker } from './AgencyPicker';
import { IntakeLocationField } from './IntakeLocationField';
import { birthDateErrors, checkIntake, emptyIntake, explainServerError, isIntakeErrorCode, localToday } from './intakeForm';
import { PersonSection } from './PersonSection';
import { useCreateCase } from './queries';

/** One message per field path; the server's answer first, as it had the last word. */
function useFieldMessages(clientErrors: readonly FieldError[], serverError: unknown): Record<string, string> {
  const { t } = useTranslation();
  const serverErrors = serverError instanceof ApiProblem ? serverError.errors.map(explainServerError) : [];
  const messages: Record<string, string> = {};
  for (const error of [...clientErrors, ...serverErrors]) {
    if (isIntakeErrorCode(error.code)) messages[error.path] = t(`caseload.intake.errors.${error.code}`);
    // Anything else is explained by the problem shown above the buttons; the field is only marked.
    else messages[error.path] = fieldErrorMessage(t, error) ?? t('validation.custom');
  }
  return messages;
}

/**
 * A new intake (DESIGN.md §2 step 1): the call, who the person is, what happened, and which
 * agency takes the case — with the people already known who could be the same person beside it.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const navigate = useNavigate();
  const today = localToday();
  const form = useRef<HTMLFormElement>(null);
  const { values, setField, draft } = useDraftForm(emptyIntake, { form: 'intake', record: 'new' });
  const answers = values.answers;
  const setAnswers = (next: FormAnswers) => setField('answers', next);
  const [attempted, setAttempted] = useState(false);
  const [picked, setPicked] = useState<PersonMatchCandidate | null>(null);
  const create = useCreateCase();
  // Beside the form only where there is room for both (Mantine's lg breakpoint); read at once, so the panel is not moved after the first paint.
  const wide = useMediaQuery('(min-width: 75em)', false, { getInitialValueInEffect: false });
  const configured = useConfiguredForm('intake');
  // The sections the caller's role opens: configured fields of other sections are not hers to fill.
  const sections = me.permissions.flatMap((permission) => (permission.startsWith('section:') ? [permission.slice('section:'.length)] : []));
  const answered = Object.values(answers).some((answer) => answer !== null && answer !== undefined && answer !== '');
  const answerIssues = attempted && answered && configured.data ? checkFormAnswers(configured.data, answers, sections) : [];

  // Before the first save only what is plainly wrong is shown; afterwards everything, as it is fixed.
  const recheck = attempted ? checkIntake(values, locale, picked?.personId ?? null, today) : null;
  const clientErrors = recheck ? (recheck.ok ? [] : recheck.errors) : birthDateErrors(values, today);
  const errors = useFieldMessages(clientErrors, create.error);

  const focusFirstError = () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const checked = checkIntake(values, locale, picked?.personId ?? null, today);
    const definition = configured.data?.definition;
    // The country's intake questions are checked once any of them is answered, as the server does.
    const issues = answered && configured.data ? checkFormAnswers(configured.data, answers, sections) : [];
    if (!checked.ok || issues.length) {
      focusFirstError();
      return;
    }
    const formAnswers = answered && definition ? answersOfForm(definition, answers, sections) : {};
    create.mutate(
      { ...checked.body, formAnswers },
      {
        onSuccess: (detail) => {
          draft.clear();
          navigate({ to: '/cases/$caseId', params: { caseId: detail.id } });
        },
        onError: focusFirstError,
      },
    );
  };

  const matchName = [values.givenName, values.familyName].join(' ').trim() || values.nameAsWritten;
  const birthYear = typeof values.estimatedAge === 'number' ? Number(today.slice(0, 4)) - values.estimatedAge : null;
  const documentNumber = values.documents.find((row) => row.number.trim())?.number;
  const phone = values.contacts.find((row) => row.kind === 'phone' && row.value.trim())?.value;
  const exploitationOptions = useMemo(
    () => EXPLOITATION_TYPES.map((type) => ({ value: type, label: t(`vocab.exploitationType.${type}`) })),
    [t],
  );

  const matches = (
    <PossibleMatchesPanel
      name={matchName}
      birthdate={values.birthDate && values.birthDate <= today ? values.birthDate : null}
      birthYear={birthYear}
      citizenship={values.citizenship[0] ?? null}
      gender={values.gender}
      documentNumber={documentNumber}
      phone={phone}
      onPick={setPicked}
      pickedPersonId={picked?.personId ?? null}
    />
  );
  const formActions = (
    <>
      <RouterButton to="/cases" variant="default">
        {t('common.cancel')}
      </RouterButton>
      <Button type="submit" loading={create.isPending}>
        {t('caseload.intake.submit')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={t('caseload.intake.title')} description={t('caseload.intake.description')} />
      <Grid gap="lg">
        <Grid.Col span={wide ? 8 : 12}>
          <form ref={form} onSubmit={submit} noValidate aria-label={t('caseload.intake.title')}>
            <Stack gap="lg">
              <DraftNotice draft={draft} />
              {picked && (
                <Alert color="blue" variant="light" title={t('caseload.intake.samePersonTitle')}>
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">
                      {t('caseload.intake.samePersonText', { name: picked.names[0] ?? picked.pseudonym, pseudonym: picked.pseudonym })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('caseload.intake.samePersonNote')}
                    </Text>
                    <Button variant="default" size="compact-sm" onClick={() => setPicked(null)}>
                      {t('matching.createNew')}
                    </Button>
                  </Stack>
                </Alert>
              )}

              <Fieldset legend={t('caseload.intake.sections.contact')}>
                <Stack>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label={t('caseload.intake.channel')}
                      data={INTAKE_CHANNELS.map((channel) => ({ value: channel, label: t(`vocab.intakeChannel.${channel}`) }))}
                      value={values.channel}
                      onChange={(channel) => setField('channel', oneOf(channel, INTAKE_CHANNELS) ?? null)}
                      error={errors['intake.channel']}
                      required
                    />
                    <Select
                      label={t('caseload.intake.urgency')}
                      description={t('caseload.intake.urgencyDescription')}
                      data={INTAKE_URGENCIES.map((urgency) => ({ value: urgency, label: t(`vocab.urgency.${urgency}`) }))}
                      value={values.urgency}
                      onChange={(urgency) => setField('urgency', oneOf(urgency, INTAKE_URGENCIES) ?? 'routine')}
                      error={errors['intake.urgency']}
                      allowDeselect={false}
                      required
                    />
                  </SimpleGrid>
                  <IntakeLocationField
                    value={values.location}
                    onChange={(location) => setField('location', location)}
                    error={errors['intake.location']}
                  />
                  <Textarea
                    label={t('caseload.intake.narrative')}
                    description={t('caseload.intake.narrativeDescription')}
                    value={values.narrative}
                    onChange={(event) => setField('narrative', event.currentTarget.value)}
                    error={errors['intake.narrative']}
                    maxLength={10_000}
                    autosize
                    minRows={3}
                    maxRows={12}
                  />
                  <Checkbox
                    label={t('caseload.intake.anonymous')}
                    description={t('caseload.intake.anonymousDescription')}
                    checked={values.anonymous}
                    onChange={(event) => setField('anonymous', event.currentTarget.checked)}
                  />
                </Stack>
              </Fieldset>

              <PersonSection values={values} setField={setField} errors={errors} today={today} />

              {/* On a phone the matches come right after the person, long before Save, so a duplicate is seen in time. */}
              {!wide && matches}

              <Fieldset legend={t('caseload.intake.sections.exploitation')}>
                <Checkbox.Group
                  label={t('caseload.intake.exploitationTypes')}
                  description={t('caseload.intake.exploitationTypesDescription')}
                  value={values.exploitationTypes}
                  onChange={(types) =>
                    setField(
                      'exploitationTypes',
                      types.flatMap((type) => oneOf(type, EXPLOITATION_TYPES) ?? []),
                    )
                  }
                  error={errors['victimContext.exploitationTypes']}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
                    {exploitationOptions.map((option) => (
                      <Checkbox key={option.value} value={option.value} label={option.label} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              </Fieldset>

              {configured.data?.definition && (
                <ConfiguredFields
                  form={configured.data}
                  sections={sections}
                  value={answers}
                  onChange={setAnswers}
                  issues={answerIssues}
                  serverError={create.error}
                />
              )}

              <Fieldset legend={t('caseload.intake.sections.agency')}>
                <AgencyPicker
                  label={t('caseload.intake.assignTo')}
                  description={t('caseload.intake.assignToDescription', { agency: me.agency.name })}
                  placeholder={t('caseload.intake.assignToPlaceholder')}
                  value={values.assignToAgencyId}
                  onChange={(agencyId) => setField('assignToAgencyId', agencyId)}
                  error={errors.assignToAgencyId}
                  excludeAgencyId={me.agency.id}
                />
              </Fieldset>

              {errors.existingPersonId && (
                <Alert color="red" variant="light">
                  {errors.existingPersonId}
                </Alert>
              )}
              <ProblemAlert error={create.error} />
              <PhoneActionBar label={t('common.formActions')} desktop={<Group justify="flex-end">{formActions}</Group>}>
                {formActions}
              </PhoneActionBar>
            </Stack>
          </form>
        </Grid.Col>
        {wide && (
          <Grid.Col span={4}>
            <Box pos="sticky" top="calc(var(--app-shell-header-height, 0px) + var(--mantine-spacing-md))">
              {matches}
            </Box>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
