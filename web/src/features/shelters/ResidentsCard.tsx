import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ShelterResident } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { RouterAnchor } from '../../components/RouterLinks';
import { Countdown } from './Countdown';

/** Residents of the reader's own shelters, the nearest stay limit first. */
export function ResidentsCard({ residents, showFacility }: { residents: ShelterResident[]; showFacility: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('shelters.residents.title')}
        </Title>
        {residents.length === 0 && <Text c="dimmed">{t('shelters.residents.empty')}</Text>}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {residents.map((resident) => (
            <Card key={resident.placementId} withBorder padding="sm" component="li">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <RouterAnchor to="/cases/$caseId" params={{ caseId: resident.caseId }} hash="shelter" fw={600}>
                    {resident.displayName}
                  </RouterAnchor>
                  <Text size="xs" c="dimmed">
                    {resident.caseReference} · {showFacility ? `${resident.facilityName} · ` : ''}
                    {resident.unitName}
                    {resident.bed ? ` · ${t('shelters.tab.bed', { bed: resident.bed })}` : ''}
                  </Text>
                  <Text size="xs">
                    {t('shelters.tab.admitted')} <FormattedDate value={resident.admittedOn} />
                  </Text>
                </Stack>
                <Stack gap={4} align="flex-end">
                  <Badge variant="light" color="gray">
                    {t(`shelters.sex.${resident.sex}`)} · {t(`shelters.ageGroup.${resident.ageGroup}`)}
                  </Badge>
                  <Countdown label={t('shelters.tab.reflection')} daysLeft={resident.daysToReflectionEnd} />
                  <Countdown label={t('shelters.tab.stayLimit')} daysLeft={resident.daysToStayLimit} />
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
