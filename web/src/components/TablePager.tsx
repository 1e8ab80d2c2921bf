import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import { formatNumber } from '../lib/numbers';
import { PageNumbers } from './PageNumbers';

interface TablePagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

export function TablePager({ page, pageSize, total, onPageChange }: TablePagerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {t('common.totalResults', { total: formatNumber(total, locale) })}
      </Text>
      {pages > 1 && <PageNumbers total={pages} value={Math.min(page, pages)} onChange={onPageChange} />}
    </Group>
  );
}
