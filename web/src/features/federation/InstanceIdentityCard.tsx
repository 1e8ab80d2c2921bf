import { Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import type { InstanceDocument } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../countries/useCountries';
import { saveText } from '../statistics/saveText';
import { Fingerprint } from './Fingerprint';
import { RotateKeysModal } from './RotateKeysModal';

/** This instance as partners see it: the document to hand over, and the fingerprint to read out. */
export function InstanceIdentityCard({ instance }: { instance: InstanceDocument }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const [rotating, setRotating] = useState(false);
  const download = () =>
    saveText(`${JSON.stringify(instance, null, 2)}\n`, `seamless-identity-${instance.instanceId}.json`, 'application/json');
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Title order={2} size="h4">
          {t('federation.identity.title')}
        </Title>
        <Group gap="xs">
          <Button variant="light" onClick={download}>
            {t('federation.identity.download')}
          </Button>
          <Button variant="default" onClick={() => setRotating(true)}>
            {t('federation.identity.rotate')}
          </Button>
        </Group>
      </Group>
      <RotateKeysModal opened={rotating} onClose={() => setRotating(false)} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('federation.identity.hint')}
        </Text>
        <DataList>
          <DataList.Item>
            <DataList.ItemLabel>{t('federation.identity.name')}</DataList.ItemLabel>
            <DataList.ItemValue>{instance.name}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('federation.identity.country')}</DataList.ItemLabel>
            <DataList.ItemValue>{countryName(instance.country)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('federation.identity.endpoint')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text size="sm" ff="monospace">
                {instance.endpoint}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('federation.identity.instanceId')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text size="sm" ff="monospace">
                {instance.instanceId}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('federation.identity.fingerprint')}
          </Text>
          <Fingerprint value={instance.fingerprint} label={t('federation.identity.fingerprint')} />
        </div>
      </Stack>
    </Card>
  );
}
