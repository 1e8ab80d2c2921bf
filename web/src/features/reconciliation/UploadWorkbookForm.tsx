import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { type FieldError, SUBMISSION_MAX_BYTES, statisticSubmissionUploadQuerySchema } from '@seamless/contracts';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { validate } from '../../lib/validation';
import type { FigureFormProps } from './EnterFiguresForm';
import { FigureChoiceFields } from './FigureChoiceFields';
import { type FigureChoice, templateQuery, workbookQuery } from './figureChoice';
import { placeErrors } from './problemFields';
import { useDownloadTemplate, useUploadWorkbook } from './queries';
import { useErrorMessages } from './useErrorMessages';
import { WorkbookProblemsTable } from './WorkbookProblemsTable';
import { WorkbookRefusal } from './workbookProblems';

const SPREADSHEETS = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const NO_FILE: FieldError = { path: 'file', code: 'invalid_type', message: '' };

/** The reported numbers as a filled-in template: the address names the figure, the file holds the numbers. */
export function UploadWorkbookForm({ choice, onChoice, definitions, currentYear }: FigureFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const upload = useUploadWorkbook();
  const template = useDownloadTemplate();
  const [file, setFile] = useState<File | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const refusal = upload.error instanceof WorkbookRefusal && upload.error.problems.length > 0 ? upload.error : null;
  // The refusal names the file's first problem as the file field's; the table below already shows it with the others.
  const serverErrors = upload.error instanceof ApiProblem ? upload.error.errors.filter((error) => !refusal || error.path !== 'file') : [];
  const messages = useErrorMessages(placeErrors([...clientErrors, ...serverErrors], []));
  // Refused before sending: the server would read no more than this, and a phone need not send it.
  const tooLarge = file !== null && file.size > SUBMISSION_MAX_BYTES;

  const changeChoice = (change: Partial<FigureChoice>) => {
    upload.reset();
    onChoice(change);
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    upload.reset();
    const checked = validate(statisticSubmissionUploadQuerySchema, workbookQuery(choice));
    setClientErrors([...(checked.ok ? [] : checked.errors), ...(file ? [] : [NO_FILE])]);
    if (checked.ok && file && !tooLarge) {
      upload.mutate(
        { query: workbookQuery(choice), file },
        {
          onSuccess: (submission) => navigate({ to: '/statistics/reconciliation/$submissionId', params: { submissionId: submission.id } }),
        },
      );
    }
  };

  return (
    <form onSubmit={send} noValidate>
      <Stack gap="lg">
        <FigureChoiceFields choice={choice} onChange={changeChoice} definitions={definitions} currentYear={currentYear} errors={messages} />
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('reconciliation.workbook.hint')}
          </Text>
          <Group>
            <Button variant="light" onClick={() => template.mutate(templateQuery(choice))} loading={template.isPending}>
              {t('reconciliation.workbook.template')}
            </Button>
          </Group>
          <ProblemAlert error={template.error} />
          <FileInput
            label={t('reconciliation.workbook.file')}
            placeholder={t('reconciliation.workbook.placeholder')}
            value={file}
            onChange={(next) => {
              upload.reset();
              setFile(next);
            }}
            accept={SPREADSHEETS}
            clearable
            required
            error={tooLarge ? t('reconciliation.workbook.tooLarge') : messages.file}
            w={{ base: '100%', sm: 420 }}
          />
        </Stack>
        {refusal ? <WorkbookProblemsTable problems={refusal.problems} /> : <ProblemAlert error={upload.error} />}
        <Group>
          <Button type="submit" loading={upload.isPending} disabled={tooLarge}>
            {t('reconciliation.workbook.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
