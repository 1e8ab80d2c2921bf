import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type FieldError, type ReportTemplate, reportLanguageOf, reportRequestSchema } from '@seamless/contracts';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useMe } from '../auth/MeContext';
import { useGenerateReport } from './queries';
import { ReportLanguageSelect, ReportPeriodSelects } from './ReportChoiceSelects';
import { lastCompletePeriod, type ReportDraft, reportRequest, todayIn } from './reportView';

const FIRST_TEMPLATE: ReportTemplate = 'national_quarterly';

/** Generating a report freezes the figures of one period; the report then waits for a second person to approve it. */
export function GenerateReportCard() {
  const { t } = useTranslation();
  const _locale = useLocale();
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
            <ReportPeriodSelects
              template={draft.template}
              year={draft.year}
              part={draft.part}
              today={today}
              onTemplate={chooseTemplate}
              onYear={(year) => set('year', year)}
              onPart={(part) => set('part', part)}
              errors={errors}
            />
            <ReportLanguageSelect
              label={t('statisticReports.generate.language')}
              value={draft.locale}
              onChange={(locale) => set('locale', locale)}
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
