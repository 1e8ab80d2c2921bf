import { Button, Card, Group, Input, Stack, Title } from '@mantine/core';
import { HTCDS_IMPORT_MAX_BYTES } from '@seamless/contracts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterButton } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { formatBytes } from '../caseRecord/notes/files';
import { ExchangeProblemAlert } from './ExchangeProblemAlert';
import { ImportReport } from './ImportReport';
import { chosenFileProblem, isRunning } from './importJob';
import { useCheckFile, useImportChecked, useImportJob } from './queries';
import { RecentImports } from './RecentImports';

const ACCEPTED_FILES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Import in two steps: a dry run reports what the file would do, and only a dry run without
 * errors can be turned into the real import of the same stored file.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const checkFile = useCheckFile();
  const importChecked = useImportChecked();
  // Once the import starts, its report replaces the dry run's: one report on the page at a time.
  const job = useImportJob(importId ?? dryRunId);
  const busy = checkFile.isPending || importChecked.isPending || (job.data !== undefined && isRunning(job.data.state));
  const maxSize = formatBytes(HTCDS_IMPORT_MAX_BYTES, locale);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.currentTarget.files?.[0] ?? null);
    setFileError(null);
    setDryRunId(null);
    setImportId(null);
    checkFile.reset();
    importChecked.reset();
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    const problem = chosenFileProblem(file);
    setFileError(
      problem === 'missing'
        ? t('htcdsExchange.import.missing')
        : problem === 'too_large'
          ? t('htcdsExchange.import.tooLarge', { size: maxSize })
          : problem === 'type'
            ? t('htcdsExchange.import.wrongType')
            : null,
    );
    if (!file || problem) return;
    setDryRunId(null);
    setImportId(null);
    importChecked.reset();
    checkFile.mutate(file, { onSuccess: (report) => setDryRunId(report.jobId) });
  };

  const startImport = (dryRunJobId: string) => importChecked.mutate(dryRunJobId, { onSuccess: (report) => setImportId(report.jobId) });

  return (
    <>
      <PageHeader title={t('htcdsExchange.import.title')} description={t('htcdsExchange.import.description')} />
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="import-file-title">
          <Title order={2} size="h4" mb="md" id="import-file-title">
            {t('htcdsExchange.import.fileSection')}
          </Title>
          <form onSubmit={check} noValidate>
            <Stack gap="sm">
              <Input.Wrapper
                label={t('htcdsExchange.import.file')}
                description={t('htcdsExchange.import.fileHint', { size: maxSize })}
                error={fileError}
                id="htcds-import-file"
                required
              >
                {/* A native file input: labelled, keyboard-usable, and fillable by browser automation. */}
                <Input type="file" accept={ACCEPTED_FILES} onChange={choose} disabled={busy} pt={6} />
              </Input.Wrapper>
              <ExchangeProblemAlert error={checkFile.error} />
              <Group>
                <Button type="submit" loading={checkFile.isPending} disabled={busy}>
                  {t('htcdsExchange.import.check')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        {job.data && (
          <ImportReport
            report={job.data}
            onImport={() => startImport(job.data.jobId)}
            importPending={importChecked.isPending}
            caseListLink={
              hasPermission(me, 'case:read') && (
                <RouterButton to="/cases" variant="light">
                  {t('htcdsExchange.import.openCases')}
                </RouterButton>
              )
            }
          />
        )}
        <ExchangeProblemAlert error={importChecked.error} />
        {job.isError && <ProblemAlert error={job.error} />}
        <RecentImports />
      </Stack>
    </>
  );
}
