import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import {
  type FieldError,
  type Locale,
  REPORT_TEMPLATE_KEYS,
  type ReportTemplate,
  reportLanguageOf,
  reportRequestSchema,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { formatYear } from '../../lib/dates';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useMe } from '../auth/MeContext';
import { useGenerateReport } from './queries';
import { lastCompletePeriod, partOptions, partsOf, type ReportDraft, reportRequest, todayIn, yearOptions } from './reportView';

const FIRST_TEMPLATE: ReportTemplate = 'national_quarterly';

/** Generating a report freezes the figures of one period; the report then waits for a second person to approve it. */
export function GenerateReportCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const today = todayIn(me.agency.countryCode);
  const [draft, setDraft] = useState<ReportDraft>(() => ({
    template: FIRST_TEMPLATE,
    ...lastCompletePeriod(FIRST_TEMPLATE, today),
    locale: reportLanguageOf(me.agency.countryCode),
  }));
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const generate = useGenerateReport();
  const errors = useFieldErrors(clientErrors, generate.error);
  const parts = partsOf(draft.template);

  const chooseTemplate = (template: ReportTemplate) => {
    generate.reset();
    // A different kind of period: offer the last complete one of that kind again.
    setDraft((current) => ({ ...current, template, ...lastCompletePeriod(template, today) }));
  };
  const set = <Key extends keyof ReportDraft>(key: Key, value: ReportDraft[Key]) => {
    generate.reset();
    setDraft((current) => ({ ...current, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(reportRequestSchema, reportRequest(draft));
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) {
      generate.mutate(checked.data, {
        onSuccess: (report) => navigate({ to: '/statistics/reports/$reportId', params: { reportId: report.id } }),
      });
    }
  };

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4">
              {t('statisticReports.generate.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('statisticReports.generate.hint')}
            </Text>
          </div>
          <Group align="flex-start" wrap="wrap" gap="sm">
            <Select
              label={t('statisticReports.generate.template')}
              w={{ base: '100%', sm: 360 }}
              data={REPORT_TEMPLATE_KEYS.map((template) => ({ value: template, label: t(`statisticReports.template.${template}`) }))}
              value={draft.template}
              onChange={(value) => value && chooseTemplate(value as ReportTemplate)}
              allowDeselect={false}
              error={errors.template}
            />
            <Select
              label={t('statisticReports.generate.year')}
              w={120}
              data={yearOptions(Number(today.slice(0, 4))).map((year) => ({ value: String(year), label: formatYear(year, locale) }))}
              value={draft.year === null ? null : String(draft.year)}
              onChange={(value) => set('year', value ? Number(value) : null)}
              allowDeselect={false}
              error={errors.year}
            />
            {parts > 0 && (
              <Select
                label={t(parts === 4 ? 'statisticReports.generate.quarter' : 'statisticReports.generate.half')}
                w={170}
                data={partOptions(draft.template).map((part) => ({
                  value: String(part),
                  label:
                    parts === 4
                      ? t('statistics.period.quarterOption', { quarter: part })
                      : t('statisticReports.period.halfOption', { half: part }),
                }))}
                value={draft.part === null ? null : String(draft.part)}
                onChange={(value) => set('part', value ? Number(value) : null)}
                allowDeselect={false}
                error={errors.part}
              />
            )}
            <Select
              label={t('statisticReports.generate.language')}
              w={160}
              data={SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
              value={draft.locale}
              onChange={(value) => value && set('locale', value as Locale)}
              allowDeselect={false}
              error={errors.locale}
            />
          </Group>
          <ProblemAlert error={generate.error} />
          <Group>
            <Button type="submit" loading={generate.isPending}>
              {t('statisticReports.generate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
