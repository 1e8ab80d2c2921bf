import { Card, Group, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Grey shapes where the content will be, about its size, so the page does not jump when data
 * arrives; announced once as loading for screen readers.
 */
function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-label={t('common.loading')} aria-busy="true">
      {children}
    </div>
  );
}

/** Placeholders never reorder; numbered keys name them. */
const placeholders = (count: number) => Array.from({ length: count }, (_, position) => position);

/** Lines of a list or a card's body. */
export function ListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <Loading>
      <Stack gap="sm">
        {placeholders(rows).map((row) => (
          <Skeleton key={row} height={18} width={row % 2 ? '70%' : '90%'} radius="sm" />
        ))}
      </Stack>
    </Loading>
  );
}

/** A stack of cards, each a title line and two lines of detail: the caseload on a phone, the home page's people. */
export function CardListSkeleton({ cards = 4 }: { cards?: number }) {
  return (
    <Loading>
      <Stack gap="sm">
        {placeholders(cards).map((card) => (
          <Card key={card} withBorder padding="sm">
            <Group justify="space-between" mb="xs">
              <Skeleton height={20} width="45%" radius="sm" />
              <Skeleton height={20} width={70} radius="xl" />
            </Group>
            <Skeleton height={14} width="80%" radius="sm" mb={6} />
            <Skeleton height={14} width="55%" radius="sm" />
          </Card>
        ))}
      </Stack>
    </Loading>
  );
}

/** Rows of a table at the height the real rows take. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Loading>
      <Stack gap={6}>
        <Skeleton height={36} radius="sm" />
        {placeholders(rows).map((row) => (
          <Skeleton key={row} height={52} radius="sm" />
        ))}
      </Stack>
    </Loading>
  );
}

/** A record page: its header (title, name, badges), the tab bar, then a section. */
export function RecordPageSkeleton() {
  return (
    <Loading>
      <Stack gap="sm">
        <Skeleton height={32} width="50%" radius="sm" />
        <Skeleton height={22} width="35%" radius="sm" />
        <Group gap="xs">
          <Skeleton height={22} width={80} radius="xl" />
          <Skeleton height={22} width={90} radius="xl" />
          <Skeleton height={22} width={70} radius="xl" />
        </Group>
        <Skeleton height={40} mt="md" radius="sm" />
        <Skeleton height={220} radius="sm" />
      </Stack>
    </Loading>
  );
}
