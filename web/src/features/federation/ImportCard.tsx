import { Alert, Badge, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import type { PacketImportResult } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { saveText } from '../statistics/saveText';
import { notRecognised, OUTCOME_COLORS, rejectionOf } from './federationView';
import { useImportFile } from './queries';

function ImportAnswer({ result }: { result: PacketImportResult }) {
  const { t } = useTranslation();
  const outcome = (
    <Badge variant="light" color={OUTCOME_COLORS[result.outcome]}>
      {t(`federation.outcome.${result.outcome}`)}
    </Badge>
  );
  if (result.kind === 'receipt') {
    return (
      <Alert color="teal" variant="light" role="status" title={t('federation.import.receipt')}>
        {outcome}
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" role="status" title={t('federation.import.packet')}>
      <Stack gap="xs" align="flex-start">
        {outcome}
        <Text size="sm">{t('federation.import.receiptHint')}</Text>
        <Button size="xs" onClick={() => saveText(result.receipt, `receipt-${result.packetId}.jws`, 'application/jose')}>
          {t('federation.import.downloadReceipt')}
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * The manual route for when the link is down: a packet carried over from a partner is received
 * here as if pushed (and its receipt offered to carry back), or a receipt carried back settles ours.
 */
export function ImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const importFile = useImportFile();
  const rejection = rejectionOf(importFile.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    file.text().then(
      (content) => {
        setUnreadable(false);
        importFile.mutate(content.trim());
      },
      () => setUnreadable(true),
    );
  };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('federation.import.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('federation.import.hint')}
          </Text>
          <Group align="flex-end" wrap="wrap">
            <FileInput
              label={t('federation.import.file')}
              value={file}
              onChange={(next) => {
                importFile.reset();
                setUnreadable(false);
                setFile(next);
              }}
              accept=".jwe,.jws,.txt,application/jose"
              error={unreadable ? t('federation.import.readFailed') : undefined}
              clearable
              w={{ base: '100%', sm: 360 }}
            />
            <Button type="submit" disabled={!file} loading={importFile.isPending}>
              {t('federation.import.submit')}
            </Button>
          </Group>
          {importFile.data && <ImportAnswer result={importFile.data} />}
          {rejection ? (
            <Alert color="red" variant="light" role="alert" title={t('federation.import.rejected')}>
              {t(`federation.rejection.${rejection}`)}
            </Alert>
          ) : notRecognised(importFile.error) ? (
            <Alert color="orange" variant="light" role="alert">
              {t('federation.import.notRecognised')}
            </Alert>
          ) : (
            <ProblemAlert error={importFile.error} />
          )}
        </Stack>
      </form>
    </Card>
  );
}
