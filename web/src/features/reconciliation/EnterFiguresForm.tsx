import { Box, Button, Group, Input, Stack, Text } from '@mantine/core';
import { type FieldError, type StatisticDefinitions, statisticSubmissionRequestSchema } from '@seamless/contracts';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { validate } from '../../lib/validation';
import { periodRange } from '../statistics/period';
import { useFigureLabels } from '../statistics/useFigureLabels';
import { CountInput, EntryInputs } from './EntryInputs';
import { FigureChoiceFields } from './FigureChoiceFields';
import type { FigureChoice, ReportedBreakdown } from './figureChoice';
import { placeErrors } from './problemFields';
import { useSubmitFigures } from './queries';
import { type Count, EMPTY_ENTRIES, entryLayout, type ReportedEntries, submissionRequest, TOTAL_INPUT } from './reportedFigures';
import { useErrorMessages } from './useErrorMessages';

/** What both ways of entering reported figures share: the figure chosen, and what the choice draws on. */
export interface FigureFormProps {
  choice: FigureChoice;
  onChoice: (change: Partial<FigureChoice>) => void;
  definitions: StatisticDefinitions;
  currentYear: number;
}

/** The reported numbers typed in, checked as the server checks them, then compared on their own page. */
export function EnterFiguresForm({ choice, onChoice, definitions, currentYear }: FigureFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useFigureLabels(definitions.ageBands);
  const submit = useSubmitFigures();
  const { breakdown } = choice;
  // Numbers typed for another breakdown meant other things: they are set aside, not carried over.
  const [typed, setTyped] = useState<{ breakdown: ReportedBreakdown | null; entries: ReportedEntries }>({
    breakdown,
    entries: EMPTY_ENTRIES,
  });
  const entries = typed.breakdown === breakdown ? typed.entries : EMPTY_ENTRIES;
  const [total, setTotal] = useState<Count>('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  // The input behind each cell sent, so that the server's `cells.3` finds its input.
  const [sentInputs, setSentInputs] = useState<string[]>([]);
  const layout = entryLayout(breakdown, periodRange(choice.period), definitions.ageBands);
  const serverErrors = submit.error instanceof ApiProblem ? submit.error.errors : [];
  const messages = useErrorMessages(placeErrors([...clientErrors, ...serverErrors], sentInputs));

  const changeChoice = (change: Partial<FigureChoice>) => {
    submit.reset();
    onChoice(change);
  };
  const changeEntries = (next: ReportedEntries) => {
    submit.reset();
    setTyped({ breakdown, entries: next });
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit.reset();
    const { body, inputs } = submissionRequest(choice, layout, entries, total);
    const checked = validate(statisticSubmissionRequestSchema, body);
    setSentInputs(inputs);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) {
      submit.mutate(checked.data, {
        onSuccess: (submission) => navigate({ to: '/statistics/reconciliation/$submissionId', params: { submissionId: submission.id } }),
      });
    }
  };

  return (
    <form onSubmit={send} noValidate>
      <Stack gap="lg">
        <FigureChoiceFields choice={choice} onChange={changeChoice} definitions={definitions} currentYear={currentYear} errors={messages} />
        <Stack gap="sm">
          {layout.kind !== 'total' && (
            <Text size="sm" c="dimmed">
              {t('reconciliation.enter.hint')}
            </Text>
          )}
          <EntryInputs layout={layout} entries={entries} onChange={changeEntries} value={labels.value} errors={messages} />
          {messages.cells && <Input.Error>{messages.cells}</Input.Error>}
          <Box maw={420}>
            <CountInput
              label={t('reconciliation.enter.total')}
              description={layout.kind === 'total' ? undefined : t('reconciliation.enter.totalHint')}
              count={total}
              onChange={(next) => {
                submit.reset();
                setTotal(next);
              }}
              error={messages[TOTAL_INPUT]}
            />
          </Box>
        </Stack>
        {messages.form && <Input.Error>{messages.form}</Input.Error>}
        <ProblemAlert error={submit.error} />
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {t('reconciliation.enter.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
