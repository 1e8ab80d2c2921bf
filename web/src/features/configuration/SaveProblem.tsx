import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Someone else saved after this editor loaded: the server answers 409 with the current version. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 409 && error.code === 'conflict';
}

interface SaveProblemProps {
  error: unknown;
  /** Loads the other person's version; the editor keeps what the user changed. */
  onReload: () => void;
  reloading?: boolean;
  /** Another answer that means the same, e.g. a refusal only a newer stored version explains. */
  conflict?: boolean;
}

/** A failed save; a conflict says what happened and offers to load the newer version without losing the user's changes. */
export function SaveProblem({ error, onReload, reloading = false, conflict = false }: SaveProblemProps) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!conflict && !isConflict(error)) return <ProblemAlert error={error} />;
  return (
    <Alert color="orange" variant="light" role="alert" title={t('configuration.conflict.title')}>
      <Group justify="space-between" align="center">
        <Text size="sm">{t('configuration.conflict.body')}</Text>
        <Button size="xs" variant="white" color="orange" onClick={onReload} loading={reloading}>
          {t('configuration.conflict.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
