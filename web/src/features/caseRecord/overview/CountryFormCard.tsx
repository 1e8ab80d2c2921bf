import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfiguredFields } from '../../forms/ConfiguredFields';
import { answersOfForm, checkFormAnswers, type FormAnswers } from '../../forms/configuredForm';
import { useConfiguredForm } from '../../forms/useConfiguredForm';
import { MutationProblem } from '../common/MutationProblem';
import { useCaseDetail, useUpdateCase } from '../queries';

/**
 * The country's own questions about the case (DESIGN.md §3: forms carry country-specific fields
 * without a code change), filled in beside the HTCDS core and limited to the sections the reader
 * may see. Only the owner agency edits them.
 */
export function CountryFormCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const configured = useConfiguredForm('case');
  const refetch = useCaseDetail(detail.id).refetch;
  const update = useUpdateCase(detail.id);
  const [changes, setChanges] = useState<FormAnswers>({});
  const [attempted, setAttempted] = useState(false);
  const form = configured.data;
  if (!form?.definition) return null;
  const definition = form.definition;
  const sections = detail.abilities.sections;
  const answers = { ...detail.formAnswers, ...changes };
  const issues = attempted ? checkFormAnswers(form, answers, sections, { previous: detail.formAnswers }) : [];

  const save = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (checkFormAnswers(form, answers, sections, { previous: detail.formAnswers }).length) return;
    update.mutate(
      { version: detail.version, formAnswers: answersOfForm(definition, answers, sections) },
      {
        onSuccess: () => {
          setChanges({});
          setAttempted(false);
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" radius="md" component="form" onSubmit={save} aria-label={t('caseRecord.countryForm.title')}>
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">
            {t('caseRecord.countryForm.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('caseRecord.countryForm.description')}
          </Text>
        </div>
        <ConfiguredFields
          form={form}
          sections={sections}
          value={answers}
          onChange={(next) =>
            setChanges(Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== detail.formAnswers[key])))
          }
          stored={detail.formAnswers}
          issues={issues}
          serverError={update.error}
          disabled={!detail.abilities.update}
        />
        <MutationProblem mutation={update} onReload={() => refetch()} />
        {detail.abilities.update && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={Object.keys(changes).length === 0}>
              {t('caseRecord.countryForm.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
