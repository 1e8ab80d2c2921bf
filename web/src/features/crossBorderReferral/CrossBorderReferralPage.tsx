import { Group, Stack, Text, Title } from '@mantine/core';
import type { CrossBorderReferral } from '@seamless/contracts';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor, RouterButton } from '../../components/RouterLinks';
import { useCountryName } from '../countries/useCountries';
import { CrossBorderReferralActions } from './CrossBorderReferralActions';
import { CrossBorderReferralRecord } from './CrossBorderReferralRecord';
import { CrossBorderReferralStatusBadge } from './CrossBorderReferralStatusBadge';
import { useCrossBorderReferral } from './queries';

function ReferralView({ referral }: { referral: CrossBorderReferral }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('crossBorderReferral.detail.title', { reference: referral.sendingCaseReference })}
          </Title>
          <Text c="dimmed">
            {t(`crossBorderReferral.detail.with.${referral.side}`, {
              partner: referral.partner.name,
              country: countryName(referral.partner.country),
            })}
          </Text>
        </div>
        <Group gap="xs">
          <CrossBorderReferralStatusBadge status={referral.status} />
          {referral.caseId && (
            <RouterButton size="xs" variant="light" to="/cases/$caseId" params={{ caseId: referral.caseId }} hash="crossBorderReferrals">
              {t('crossBorderReferral.detail.openCase')}
            </RouterButton>
          )}
        </Group>
      </Group>
      <CrossBorderReferralRecord referral={referral} actions={<CrossBorderReferralActions referral={referral} />} />
    </Stack>
  );
}

/** One referral across a border as this side holds it: where it stands, what was sent and answered, and what to do next. */
export function CrossBorderReferralPage() {
  const { t } = useTranslation();
  const { referralId } = useParams({ from: '/signed-in/cross-border-referrals/$referralId' });
  const referral = useCrossBorderReferral(referralId);
  return (
    <Stack gap="xs">
      <RouterAnchor to="/cross-border-referrals" size="sm">
        {t('crossBorderReferral.detail.back')}
      </RouterAnchor>
      <QueryState query={referral}>{(data) => <ReferralView referral={data} />}</QueryState>
    </Stack>
  );
}
