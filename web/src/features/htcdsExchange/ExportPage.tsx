import { Anchor, Button, Card, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CASE_STATUSES, HTCDS_FORMATS, HTCDS_LAYOUTS, type HtcdsFormat, TRAFFICKING_STATUSES } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { PageHeader } from '../../components/PageHeader';
import { oneOf } from '../../lib/oneOf';
import { isoDateParam } from '../../lib/searchParams';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { ExchangeProblemAlert } from './ExchangeProblemAlert';
import { DEFAULT_EXPORT_FORM, datesInverted, type ExportForm } from './exportForm';
import { useExportCases } from './queries';

const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** The workbook first: it is the default and what the IOM toolkit opens. */
const FORMATS = [
  { value: 'xlsx', label: 'htcdsExchange.export.formatXlsx' },
  { value: 'csv', label: 'htcdsExchange.export.formatCsv' },
] as const satisfies readonly { value: HtcdsFormat; label: string }[];
const LAYOUT_LABELS = { toolkit: 'htcdsExchange.export.layoutToolkit', plain: 'htcdsExchange.export.layoutPlain' } as const;

/** Cases as an HTCDS spreadsheet; identities only for roles allowed to take them out of the system. */
export function ExportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayExportIdentities = hasPermission(me, 'export:identities');
  const [form, setForm] = useState<ExportForm>(DEFAULT_EXPORT_FORM);
  const exportCases = useExportCases();
  const set = (patch: Partial<ExportForm>) => setForm((current) => ({ ...current, ...patch }));
  const inverted = datesInverted(form);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!inverted) exportCases.mutate({ ...form, identities: mayExportIdentities && form.identities });
  };

  return (
    <>
      <PageHeader title={t('htcdsExchange.export.title')} description={t('htcdsExchange.export.description')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={900}>
          <Card withBorder padding="lg" component="section" aria-labelledby="export-file-title">
            <Title order={2} size="h4" mb="md" id="export-file-title">
              {t('htcdsExchange.export.fileSection')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <Radio.Group
                label={t('htcdsExchange.export.format')}
                value={form.format}
                onChange={(value) => set({ format: oneOf(value, HTCDS_FORMATS) ?? form.format })}
              >
                <Stack gap="xs" mt="xs">
                  {FORMATS.map((format) => (
                    <Radio key={format.value} value={format.value} label={t(format.label)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Radio.Group
                label={t('htcdsExchange.export.layout')}
                value={form.layout}
                onChange={(value) => set({ layout: oneOf(value, HTCDS_LAYOUTS) ?? form.layout })}
              >
                <Stack gap="xs" mt="xs">
                  {HTCDS_LAYOUTS.map((layout) => (
                    <Radio key={layout} value={layout} label={t(LAYOUT_LABELS[layout])} />
                  ))}
                </Stack>
              </Radio.Group>
            </SimpleGrid>
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="export-filters-title">
            <Title order={2} size="h4" mb="md" id="export-filters-title">
              {t('htcdsExchange.export.filters')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('htcdsExchange.export.status')}
                placeholder={t('htcdsExchange.export.any')}
                data={CASE_STATUSES.map((status) => ({ value: status, label: t(`caseStatus.${status}`) }))}
                value={form.status}
                onChange={(value) => set({ status: oneOf(value, CASE_STATUSES) ?? null })}
                clearable
              />
              <Select
                label={t('htcdsExchange.export.traffickingStatus')}
                placeholder={t('htcdsExchange.export.any')}
                data={TRAFFICKING_STATUSES.map((status) => ({ value: status, label: t(`traffickingStatus.${status}`) }))}
                value={form.traffickingStatus}
                onChange={(value) => set({ traffickingStatus: oneOf(value, TRAFFICKING_STATUSES) ?? null })}
                clearable
              />
              <DateInput
                label={t('htcdsExchange.export.openedFrom')}
                value={form.openedFrom}
                max={form.openedTo || undefined}
                onChange={(value) => set({ openedFrom: isoDateParam(value) ?? '' })}
              />
              <DateInput
                label={t('htcdsExchange.export.openedTo')}
                value={form.openedTo}
                min={form.openedFrom || undefined}
                onChange={(value) => set({ openedTo: isoDateParam(value) ?? '' })}
                error={inverted ? t('htcdsExchange.export.dateOrder') : undefined}
              />
            </SimpleGrid>
            <Stack mt="lg" gap="xs">
              {mayExportIdentities ? (
                <Checkbox
                  label={t('htcdsExchange.export.identities')}
                  description={t('htcdsExchange.export.identitiesHint')}
                  checked={form.identities}
                  onChange={(event) => set({ identities: event.currentTarget.checked })}
                />
              ) : (
                <Text size="sm">{t('htcdsExchange.export.pseudonymised')}</Text>
              )}
            </Stack>
          </Card>

          <ExchangeProblemAlert error={exportCases.error} />
          <Group>
            <Button type="submit" loading={exportCases.isPending} disabled={inverted}>
              {t('htcdsExchange.export.download')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('htcdsExchange.export.licence')}{' '}
            <Anchor href={LICENCE_URL} target="_blank" rel="noopener noreferrer" size="xs">
              {t('htcdsExchange.export.licenceLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </>
  );
}
