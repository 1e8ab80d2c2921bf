import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { BreakGlassAction } from './BreakGlassButton';

/**
 * A case the reader's agency is not involved in answers "not found". A role with emergency access
 * may still open it, with a reason, audited (the server checks the case exists before granting).
 */
export function CaseNotVisible({ caseId, error }: { caseId: string; error: unknown }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack align="flex-start">
      <ProblemAlert error={error} />
      {hasPermission(me, 'case:break_glass') && (
        <Alert color="gray" variant="light" title={t('caseRecord.breakGlass.notInvolvedTitle')}>
          <Group justify="space-between" align="center" gap="md">
            <Text size="sm">{t('caseRecord.breakGlass.notInvolved')}</Text>
            <BreakGlassAction caseId={caseId} />
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
