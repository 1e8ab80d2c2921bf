import { Card, Tabs, Text, Title } from '@mantine/core';
import type { StatisticDefinitions } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/MeContext';
import { currentYearIn } from '../statistics/period';
import { EnterFiguresForm } from './EnterFiguresForm';
import { type FigureChoice, initialChoice } from './figureChoice';
import { UploadWorkbookForm } from './UploadWorkbookForm';

/** Reported figures, typed in or uploaded: the choice of figure is kept when switching between the two. */
export function ReportFiguresCard({ definitions }: { definitions: StatisticDefinitions }) {
  const { t } = useTranslation();
  const me = useMe();
  const currentYear = currentYearIn(me.agency.countryCode);
  const [choice, setChoice] = useState<FigureChoice>(() => initialChoice(me.agency.id, currentYear));
  const change = (update: Partial<FigureChoice>) => setChoice((current) => ({ ...current, ...update }));
  const formProps = { choice, onChoice: change, definitions, currentYear };

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4">
        {t('reconciliation.report.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('reconciliation.report.hint')}
      </Text>
      <Tabs defaultValue="enter" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="enter">{t('reconciliation.report.enterTab')}</Tabs.Tab>
          <Tabs.Tab value="upload">{t('reconciliation.report.uploadTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="enter">
          <EnterFiguresForm {...formProps} />
        </Tabs.Panel>
        <Tabs.Panel value="upload">
          <UploadWorkbookForm {...formProps} />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}
