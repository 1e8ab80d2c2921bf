import { Button, Card, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { GLOBAL_COLLECTION_FORMATS, GLOBAL_COLLECTION_K, type GlobalCollectionFormat } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { formatYear } from '../../lib/dates';
import { useMe } from '../auth/MeContext';
import { todayIn } from '../statisticReports/reportView';
import { defaultDraft, exportQuery, type GlobalCollectionDraft, yearChoices } from './exportRequest';
import { useDownloadGlobalCollection } from './queries';

/** The data officer picks whole years and k, and takes the file as CSV or XLSX. */
export function GlobalCollectionPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const today = todayIn(me.agency.countryCode);
  const [draft, setDraft] = useState<GlobalCollectionDraft>(() => defaultDraft(today));
  const [invalid, setInvalid] = useState<{ k: boolean; period: boolean }>({ k: false, period: false });
  const downloading = useDownloadGlobalCollection();
  const years = yearChoices(today).map((year) => ({ value: String(year), label: formatYear(year, locale) }));
  const limits = { minimum: GLOBAL_COLLECTION_K.minimum, maximum: GLOBAL_COLLECTION_K.maximum };

  const set = (patch: Partial<GlobalCollectionDraft>) => {
    downloading.reset();
    setInvalid({ k: false, period: false });
    setDraft((current) => ({ ...current, ...patch }));
  };
  const take = (format: GlobalCollectionFormat) => {
    const checked = exportQuery(draft, format);
    if (checked.ok) downloading.mutate(checked.data);
    else {
      const paths = checked.errors.map((error) => error.path);
      setInvalid({ k: paths.includes('k'), period: paths.some((path) => path === 'from' || path === 'to') });
    }
  };

  return (
    <>
      <PageHeader title={t('globalCollection.title')} description={t('globalCollection.description')} />
      <Card withBorder padding="lg" maw={760} component="section" aria-labelledby="global-collection-file">
        <Stack gap="md">
          <div>
            <Title order={2} size="h4" id="global-collection-file">
              {t('globalCollection.file')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('globalCollection.about')}
            </Text>
          </div>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Select
              label={t('globalCollection.fromYear')}
              data={years}
              value={String(draft.fromYear)}
              onChange={(value) => value && set({ fromYear: Number(value), toYear: Math.max(Number(value), draft.toYear) })}
              allowDeselect={false}
              w={140}
            />
            <Select
              label={t('globalCollection.toYear')}
              data={years.filter((year) => Number(year.value) >= draft.fromYear)}
              value={String(draft.toYear)}
              onChange={(value) => value && set({ toYear: Number(value) })}
              allowDeselect={false}
              error={invalid.period ? t('globalCollection.error.period') : undefined}
              w={140}
            />
            <NumberInput
              label={t('globalCollection.k')}
              description={t('globalCollection.kHint', limits)}
              value={draft.k}
              onChange={(value) => set({ k: value })}
              min={GLOBAL_COLLECTION_K.minimum}
              max={GLOBAL_COLLECTION_K.maximum}
              allowDecimal={false}
              allowNegative={false}
              error={invalid.k ? t('globalCollection.error.k', limits) : undefined}
              w={{ base: '100%', sm: 300 }}
            />
          </Group>
          <Group gap="sm">
            {GLOBAL_COLLECTION_FORMATS.map((format) => (
              <Button
                key={format}
                variant={format === 'xlsx' ? 'filled' : 'default'}
                loading={downloading.isPending && downloading.variables?.format === format}
                disabled={downloading.isPending}
                onClick={() => take(format)}
              >
                {t(`globalCollection.download.${format}`)}
              </Button>
            ))}
          </Group>
          <ProblemAlert error={downloading.error} />
        </Stack>
      </Card>
    </>
  );
}
