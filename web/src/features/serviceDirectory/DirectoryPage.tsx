import { Button, Group, Stack, Text } from '@mantine/core';
import type { DirectoryExportFormat } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PageNumbers } from '../../components/PageNumbers';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { SearchField } from '../../components/SearchField';
import { useLocale } from '../../i18n/useLocale';
import { directoryApi, type SearchQuery } from './api';
import { DirectoryFilters } from './DirectoryFilters';
import type { DirectoryPageSearch } from './directorySearch';
import { OrganisationCard } from './OrganisationCard';
import { OrganisationFormModal } from './OrganisationFormModal';
import { DIRECTORY_PAGE_SIZE, useDirectorySearch } from './queries';

const toQuery = ({ page: _page, needsVerification, ...filters }: DirectoryPageSearch): Omit<SearchQuery, 'page' | 'pageSize'> => ({
  ...filters,
  needsVerification: needsVerification ? 'true' : undefined,
});

export function DirectoryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = useSearch({ from: '/signed-in/directory' });
  const navigate = useNavigate({ from: '/directory' });
  const page = search.page ?? 1;
  const results = useDirectorySearch({ ...toQuery(search), page, pageSize: DIRECTORY_PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState<DirectoryExportFormat | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const update = (changes: Partial<DirectoryPageSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes, page: undefined }) });

  const exportAs = async (format: DirectoryExportFormat) => {
    setExporting(format);
    setExportError(null);
    try {
      await directoryApi.download({ ...toQuery(search), format, locale });
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('serviceDirectory.title')}
        description={t('serviceDirectory.description')}
        actions={
          <Group gap="xs">
            <Button variant="default" loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')}>
              {t('serviceDirectory.export.xlsx')}
            </Button>
            <Button variant="default" loading={exporting === 'pdf'} onClick={() => exportAs('pdf')}>
              {t('serviceDirectory.export.pdf')}
            </Button>
            {results.data?.canCreate && <Button onClick={() => setCreating(true)}>{t('serviceDirectory.create')}</Button>}
          </Group>
        }
      />
      <Stack>
        <ProblemAlert error={exportError} />
        <SearchField
          label={t('serviceDirectory.search')}
          placeholder={t('serviceDirectory.searchPlaceholder')}
          value={search.q}
          onSearch={(q) => update({ q })}
        />
        <DirectoryFilters search={search} onChange={update} />
        <QueryState query={results}>
          {(result) => (
            <Stack>
              <Text size="sm" c="dimmed" aria-live="polite">
                {result.total ? t('serviceDirectory.results', { total: result.total }) : t('serviceDirectory.empty')}
              </Text>
              {result.items.map((organisation) => (
                <OrganisationCard key={organisation.id} organisation={organisation} />
              ))}
              {result.total > DIRECTORY_PAGE_SIZE && (
                <PageNumbers
                  value={page}
                  total={Math.ceil(result.total / DIRECTORY_PAGE_SIZE)}
                  onChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
                  size="sm"
                />
              )}
            </Stack>
          )}
        </QueryState>
      </Stack>
      <OrganisationFormModal opened={creating} organisation={null} onClose={() => setCreating(false)} />
    </>
  );
}
