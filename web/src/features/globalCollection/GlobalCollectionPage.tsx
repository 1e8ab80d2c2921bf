import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { GLOBAL_COLLECTION_FORMATS, GLOBAL_COLLECTION_K } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { formatYear } from '../../lib/dates';
import { yearChoices } from './exportRequest';
import { useDownloadGlobalCollection } from './queries';

/** The data officer picks one year that has ended, and takes its file as CSV or XLSX; k is fixed. */
export function GlobalCollectionPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [choices] = useState(() => yearChoices());
  const [year, setYear] = useState(choices[0]!);
  const downloading = useDownloadGlobalCollection();
  const years = choices.map((choice) => ({ value: String(choice), label: formatYear(choice, locale) }));

  const choose = (value: string) => {
    downloading.reset();
    setYear(Number(value));
  };

  return (
    <>
      <PageHeader title={t('globalCollection.title')} description={t('globalCollection.description', { k: GLOBAL_COLLECTION_K })} />
      <Card withBorder padding="lg" maw={760} component="section" aria-labelledby="global-collection-file">
        <Stack gap="md">
          <div>
            <Title order={2} size="h4" id="global-collection-file">
              {t('globalCollection.file')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('globalCollection.about', { k: GLOBAL_COLLECTION_K })}
            </Text>
          </div>
          <Select
            label={t('globalCollection.year')}
            description={t('globalCollection.yearHint')}
            data={years}
            value={String(year)}
            onChange={(value) => value && choose(value)}
            allowDeselect={false}
            w={{ base: '100%', sm: 300 }}
          />
          <Group gap="sm">
            {GLOBAL_COLLECTION_FORMATS.map((format) => (
              <Button
                key={format}
                variant={format === 'xlsx' ? 'filled' : 'default'}
                loading={downloading.isPending && downloading.variables?.format === format}
                disabled={downloading.isPending}
                onClick={() => downloading.mutate({ year, format })}
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
