import { Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Partner } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { FormattedDate } from '../../components/FormattedDate';
import { useCountryName } from '../countries/useCountries';
import { PARTNER_STATUS_COLORS, type PartnerStatusAction, partnerActions } from './federationView';
import { PartnerStatusModal } from './PartnerStatusModal';
import { RegisterPartnerModal } from './RegisterPartnerModal';

function PartnerRow({ partner, onAction }: { partner: Partner; onAction: (action: PartnerStatusAction) => void }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={700}>
          {partner.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {partner.endpoint}
        </Text>
        <Text size="xs" ff="monospace" maw={260} mt={4}>
          <VisuallyHidden>{t('federation.partners.columns.fingerprint')} </VisuallyHidden>
          {partner.fingerprint}
        </Text>
        {partner.keysRotatedAt && (
          <Text size="xs" c="dimmed">
            {t('federation.partners.keysRotated')} <FormattedDate value={partner.keysRotatedAt} withTime />
          </Text>
        )}
      </Table.Td>
      <Table.Td>{countryName(partner.country)}</Table.Td>
      <Table.Td>
        <Badge color={PARTNER_STATUS_COLORS[partner.status]} variant="light">
          {t(`federation.partnerStatus.${partner.status}`)}
        </Badge>
        {partner.statusReason && (
          <Text size="xs" c="dimmed" maw={220}>
            {partner.statusReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{partner.receivingAgency.name}</Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Badge variant="light" color={partner.pending ? 'yellow' : 'gray'}>
            {t('federation.partners.pending', { count: partner.pending })}
          </Badge>
          {partner.failing > 0 && (
            <Badge variant="filled" color="red">
              {t('federation.partners.failing', { count: partner.failing })}
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {partner.lastDeliveredAt ? <FormattedDate value={partner.lastDeliveredAt} withTime /> : t('federation.partners.never')}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {partnerActions(partner.status).map((action) => (
            <Button
              key={action}
              size="compact-sm"
              variant="subtle"
              color={action === 'revoke' ? 'red' : action === 'suspend' ? 'orange' : undefined}
              onClick={() => onAction(action)}
            >
              <ActionLabel label={t(`federation.statusChange.${action}.button`)} subject={partner.name} />
            </Button>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The partner instances this one trusts (or no longer does), how their deliveries fare, and their registration. */
export function PartnersCard({ partners, instanceCountry }: { partners: Partner[]; instanceCountry: string }) {
  const { t } = useTranslation();
  const [registering, setRegistering] = useState(false);
  const [target, setTarget] = useState<{ partner: Partner; action: PartnerStatusAction } | null>(null);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Title order={2} size="h4">
          {t('federation.partners.title')}
        </Title>
        <Button onClick={() => setRegistering(true)}>{t('federation.partners.register')}</Button>
      </Group>
      {partners.length === 0 ? (
        <Text c="dimmed">{t('federation.partners.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('federation.partners.columns.name')}</Table.Th>
                <Table.Th>{t('federation.partners.columns.country')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('federation.partners.columns.receivingAgency')}</Table.Th>
                <Table.Th>{t('federation.partners.columns.queue')}</Table.Th>
                <Table.Th>{t('federation.partners.columns.lastDelivery')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.map((partner) => (
                <PartnerRow key={partner.id} partner={partner} onAction={(action) => setTarget({ partner, action })} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PartnerStatusModal target={target} onClose={() => setTarget(null)} />
      <RegisterPartnerModal opened={registering} instanceCountry={instanceCountry} onClose={() => setRegistering(false)} />
    </Card>
  );
}
