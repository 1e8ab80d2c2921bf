import { Anchor, Card, Image, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageHeader } from '../../components/PageHeader';
import { RouterAnchor } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { HelpContact } from '../help/HelpContact';
import { GUIDE_ROLES, GUIDE_SLUGS, type GuideRole, guideRoleFor, ROLE_GUIDES, roleOfSlug, screenshotName } from './roleGuides';
import { openTour } from './tourStore';

/*
 * The screenshots the e2e suite takes (e2e/userGuide.spec.ts) are bundled as files with hashed
 * names, referenced from this lazy page only: none of them is in the initial download.
 */
const SCREENSHOTS = import.meta.glob<string>('../../../../docs/screenshots/guide-*.png', {
  eager: true,
  query: '?url',
  import: 'default',
});
const screenshotUrl = (name: string) => SCREENSHOTS[`../../../../docs/screenshots/${name}`];

/** Every role's guide, her own first. */
export function GuideIndexPage() {
  const { t } = useTranslation();
  const mine = guideRoleFor(useMe().roles);
  const roles = mine ? [mine, ...GUIDE_ROLES.filter((role) => role !== mine)] : GUIDE_ROLES;
  return (
    <>
      <PageHeader title={t('onboarding.guide.title')} description={t('onboarding.guide.intro')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {roles.map((role) => (
            <Card key={role} withBorder padding="md">
              <RouterAnchor to="/guide/$role" params={{ role: GUIDE_SLUGS[role] }} fw={700} underline="always">
                {t(`onboarding.role.${role}.name`)}
              </RouterAnchor>
              <Text size="sm" mt={4}>
                {t(`onboarding.role.${role}.summary`)}
              </Text>
              {role === mine && (
                <Text size="sm" c="dimmed" mt={4}>
                  {t('onboarding.guide.yourRole')}
                </Text>
              )}
            </Card>
          ))}
        </SimpleGrid>
        <HelpContact signedIn />
      </Stack>
    </>
  );
}

/** One role's work, step by step, with a picture of each place. */
export function RoleGuidePage() {
  const { role: slug } = useParams({ from: '/signed-in/guide/$role' });
  const role = roleOfSlug(slug);
  if (!role) return <NotFoundPage />;
  return <RoleGuide role={role} />;
}

function RoleGuide({ role }: { role: GuideRole }) {
  const { t } = useTranslation();
  const mine = guideRoleFor(useMe().roles) === role;
  return (
    <>
      <PageHeader title={t(`onboarding.role.${role}.name`)} description={t(`onboarding.role.${role}.summary`)} />
      <Stack gap="lg" maw={900}>
        <RouterAnchor to="/guide" size="sm">
          {t('onboarding.guide.allGuides')}
        </RouterAnchor>
        <List type="ordered" spacing="lg">
          {ROLE_GUIDES[role].map((step) => {
            const url = screenshotUrl(screenshotName(role, step));
            const title = t(`onboarding.role.${role}.steps.${step.key}.title` as ParseKeys);
            return (
              <List.Item key={step.key}>
                <Stack gap="xs">
                  <Title order={2} size="h4">
                    {title}
                  </Title>
                  <Text>{t(`onboarding.role.${role}.steps.${step.key}.body` as ParseKeys)}</Text>
                  {url && <Image src={url} alt={t('onboarding.guide.screenshot', { step: title })} radius="sm" loading="lazy" maw={760} />}
                </Stack>
              </List.Item>
            );
          })}
        </List>
        <Text>{t('onboarding.guide.casePage')}</Text>
        {mine && (
          <Anchor component="button" type="button" onClick={openTour} underline="always" ta="start">
            {t('onboarding.guide.showTour')}
          </Anchor>
        )}
        <HelpContact signedIn />
      </Stack>
    </>
  );
}
