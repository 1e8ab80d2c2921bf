import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { DigestPreferenceCard } from '../notifications/DigestPreferenceCard';
import { ChangePasswordCard } from './ChangePasswordCard';
import { PreferencesCard } from './PreferencesCard';
import { ProfileCard } from './ProfileCard';
import { SecondFactorCard } from './SecondFactorCard';
import { SessionsCard } from './SessionsCard';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ProfileCard />
          <PreferencesCard />
          <ChangePasswordCard />
          <SecondFactorCard />
          <DigestPreferenceCard />
        </SimpleGrid>
        <SessionsCard />
      </Stack>
    </>
  );
}
