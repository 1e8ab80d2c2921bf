import { Box, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { type FigureTable, provinceCountryOf } from '@seamless/contracts';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader';
import { useLocale } from '../../../i18n/useLocale';
import { intlLocaleFor } from '../../../lib/dates';
import { useMe } from '../../auth/MeContext';
import type { FigureLabels } from '../useFigureLabels';
import { provinceMapView, SUPPRESSED_COLOUR, ZERO_COLOUR } from './provinceMapView';

// ECharts' map and the boundaries stay out of the statistics page until a figure is broken down by province.
const ProvinceMapModule = lazy(() => import('./provinceMapModule'));

const HATCHED_SWATCH = `repeating-linear-gradient(135deg, ${SUPPRESSED_COLOUR} 0 3px, #868e96 3px 4px)`;

function Swatch({ background, text }: { background: string; text: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Box w={18} h={14} style={{ background, border: '1px solid #adb5bd', flexShrink: 0 }} aria-hidden />
      <Text size="sm">{text}</Text>
    </Group>
  );
}

interface ProvinceMapProps {
  table: FigureTable;
  labels: FigureLabels;
  period: string;
}

/**
 * A figure broken down by province, drawn on the reader's country (DESIGN.md §4: public maps show
 * only aggregates): the published counts in classes, the hidden ones hatched and never as a
 * number. The table below stays the figure's accessible source; the picture is summarised for
 * screen readers. Nothing is drawn for other breakdowns or a country without bundled boundaries.
 */
export function ProvinceMap({ table, labels, period }: ProvinceMapProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const country = provinceCountryOf(me.agency.countryCode);
  const drawn = country !== undefined && table.availability === 'recorded' && table.by.length === 1 && table.by[0] === 'province';
  const provinceLabel = useMemo(() => (code: string) => labels.value('province', code), [labels]);
  const view = useMemo(() => provinceMapView(table, { province: provinceLabel, format: labels.format }), [table, provinceLabel, labels]);
  if (!drawn) return null;

  const figure = t(`statistics.key.${table.statistic}.name`);
  const provinces = view.regions.length
    ? new Intl.ListFormat(intlLocaleFor(locale), { type: 'unit' }).format(view.regions.map((region) => `${region.label} ${region.text}`))
    : t('statistics.map.empty');
  const rangeText = (from: number, to: number) =>
    from === to ? labels.format(from) : t('statistics.map.range', { from: labels.format(from), to: labels.format(to) });

  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('statistics.map.title', { figure, period })}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Suspense fallback={<PageLoader />}>
            <ProvinceMapModule
              country={country}
              view={view}
              zeroText={labels.format(0)}
              provinceLabel={provinceLabel}
              label={t('statistics.map.label', { figure, period, provinces })}
            />
          </Suspense>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {t('statistics.map.legend')}
              </Text>
              {view.classes.map((each) => (
                <Swatch key={each.from} background={each.colour} text={rangeText(each.from, each.to)} />
              ))}
              <Swatch background={HATCHED_SWATCH} text={t('statistics.map.suppressed', { threshold: table.threshold })} />
              <Swatch background={ZERO_COLOUR} text={t('statistics.map.zero')} />
            </Stack>
            {view.offTheMap.length > 0 && (
              <Stack gap={6}>
                <Text fw={600} size="sm">
                  {t('statistics.map.offTheMap')}
                </Text>
                <List size="sm" spacing={2}>
                  {view.offTheMap.map((entry) => (
                    <List.Item key={entry.label}>
                      {entry.label}: {entry.text}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('statistics.map.attribution')}
      </Text>
    </Card>
  );
}
