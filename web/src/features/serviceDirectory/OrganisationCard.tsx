import { Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { DirectoryOrganisation } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../components/RouterLinks';
import { useCountryName } from '../countries/useCountries';
import { ContactList } from './ContactList';
import { ServiceSummary } from './ServiceSummary';

/** One organisation as a result: what it offers, where, in which languages, and whom to call. */
export function OrganisationCard({ organisation }: { organisation: DirectoryOrganisation }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const place = [organisation.district, organisation.province, countryName(organisation.countryCode)].filter(Boolean).join(', ');
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`organisation-${organisation.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h5" id={`organisation-${organisation.id}`}>
              <RouterAnchor to="/directory/$organisationId" params={{ organisationId: organisation.id }} inherit>
                {organisation.name}
              </RouterAnchor>
            </Title>
            {organisation.localName && <Text size="sm">{organisation.localName}</Text>}
            <Text size="xs" c="dimmed">
              {t(`serviceDirectory.organisationType.${organisation.organisationType}`)} · {place}
            </Text>
          </div>
          <Group gap={4}>
            {organisation.agencyId && (
              <Badge color="indigo" variant="light">
                {t('serviceDirectory.tenant')}
              </Badge>
            )}
            {!organisation.active && (
              <Badge color="gray" variant="outline">
                {t('serviceDirectory.inactive')}
              </Badge>
            )}
          </Group>
        </Group>
        {organisation.services.map((service) => (
          <ServiceSummary key={service.id} service={service} organisation={organisation} />
        ))}
        <Divider label={t('serviceDirectory.card.contacts')} labelPosition="left" />
        <ContactList organisationId={organisation.id} contacts={organisation.contacts} canUpdate={organisation.abilities.update} />
      </Stack>
    </Card>
  );
}
