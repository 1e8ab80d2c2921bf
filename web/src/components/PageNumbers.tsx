import { Pagination, type PaginationProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import { formatNumber } from '../lib/numbers';

/** Page buttons numbered in the reader's digits, each named for a screen reader in the reader's language. */
export function PageNumbers(props: PaginationProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Pagination
      {...props}
      getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
      getItemProps={(item) => ({
        'aria-label': t('common.pageNumber', { page: formatNumber(item, locale) }),
        children: formatNumber(item, locale),
      })}
    />
  );
}
