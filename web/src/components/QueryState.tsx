import { Button, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from './PageLoader';
import { ProblemAlert } from './ProblemAlert';

interface QueryStateProps<Data> {
  query: UseQueryResult<Data>;
  children: (data: Data) => ReactNode;
  /** A skeleton of the content's shape, so nothing jumps when it arrives; a spinner otherwise. */
  loading?: ReactNode;
}

/** Loading, failure with a retry, or the data: the three states every fetched view has. */
export function QueryState<Data>({ query, children, loading }: QueryStateProps<Data>) {
  const { t } = useTranslation();
  if (query.isPending) return loading ?? <PageLoader />;
  if (query.isError) {
    return (
      <Stack align="flex-start">
        <ProblemAlert error={query.error} />
        <Button variant="default" onClick={() => query.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }
  return <>{children(query.data)}</>;
}
