import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useVerifyAuditChain } from './queries';

/** Recomputes the hash chain on the server: proof that no audit event was altered or removed. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <Stack gap="sm">
      <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('audit.verify.button')}
      </Button>
      <ProblemAlert error={verify.error} />
      {result && (
        <Alert
          role="status"
          variant="light"
          color={result.ok ? 'teal' : 'red'}
          title={result.ok ? t('audit.verify.intactTitle') : t('audit.verify.brokenTitle')}
        >
          {result.ok && t('audit.verify.intact', { events: result.events })}
          {!result.ok &&
            (result.firstBrokenSeq === null
              ? t('audit.verify.brokenUnlocated', { events: result.events })
              : t('audit.verify.broken', { events: result.events, seq: result.firstBrokenSeq }))}
        </Alert>
      )}
    </Stack>
  );
}
