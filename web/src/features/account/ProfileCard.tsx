import { Badge, Card, DataList, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/MeContext';
import { roleLabel } from '../roles/roleLabel';

export function ProfileCard() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('account.profile.title')}
      </Title>
      <DataList>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.profile.displayName')}</DataList.ItemLabel>
          <DataList.ItemValue>{me.displayName}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.profile.username')}</DataList.ItemLabel>
          <DataList.ItemValue>{me.username}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.profile.agency')}</DataList.ItemLabel>
          <DataList.ItemValue>{me.agency.name}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.profile.roles')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Group gap={6}>
              {me.roles.map((role) => (
                <Badge key={role} variant="light">
                  {roleLabel(t, role)}
                </Badge>
              ))}
            </Group>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}
