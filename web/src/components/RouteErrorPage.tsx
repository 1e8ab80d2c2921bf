import { Button, Container, Group } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';
import { RouterButton } from './RouterLinks';

/** Whether trying again could help: not when access is refused or the record does not exist. */
function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiProblem && (error.status === 403 || error.status === 404));
}

/** What a page shows when it cannot load: forbidden, gone, or the server failed. */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Container size="sm" py="xl">
      <ProblemAlert error={error} />
      <Group mt="md">
        {isRetryable(error) && (
          <Button variant="default" onClick={() => router.invalidate()}>
            {t('common.retry')}
          </Button>
        )}
        <RouterButton to="/" variant="light">
          {t('notFound.home')}
        </RouterButton>
      </Group>
    </Container>
  );
}
