import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { isConflict } from '../problems';

interface MutationProblemProps {
  mutation: { error: unknown; reset: () => void };
  /** Reads the record again; the form keeps what the user typed. */
  onReload: () => Promise<unknown>;
}

/**
 * A failed save. A conflict (someone else saved first) says so and offers to load their version;
 * the form stays open with the user's input, to be checked and saved again.
 */
export function MutationProblem({ mutation, onReload }: MutationProblemProps) {
  const { t } = useTranslation();
  const { error } = mutation;
  if (!error) return null;
  if (!isConflict(error)) return <ProblemAlert error={error} />;
  return (
    <Alert color="orange" variant="light" role="alert" title={t('caseRecord.conflict.title')}>
      <Group justify="space-between" align="center">
        <Text size="sm">{t('caseRecord.conflict.body')}</Text>
        <Button size="xs" variant="white" color="orange" onClick={() => onReload().then(() => mutation.reset())}>
          {t('caseRecord.conflict.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
