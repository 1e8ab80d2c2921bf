import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { CrossBorderReferralsTable } from './CrossBorderReferralsTable';
import { useCaseCrossBorderReferrals } from './queries';
import { ReferAbroadModal } from './ReferAbroadModal';

/** The case's referrals to partner countries, and the referral that asks one for a service. */
export function CrossBorderReferralsTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const referrals = useCaseCrossBorderReferrals(detail.id);
  const [referring, setReferring] = useState(false);
  // Only the agency that owns the case refers it abroad (the server's rule too).
  const owner = detail.involvement === 'owner';
  const mayRefer = owner && detail.abilities.update;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2} size="h4">
            {t('crossBorderReferral.tab.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('crossBorderReferral.tab.hint')}
          </Text>
        </div>
        {mayRefer && <Button onClick={() => setReferring(true)}>{t('crossBorderReferral.tab.refer')}</Button>}
      </Group>
      {!owner && (
        <Text size="sm" c="dimmed">
          {t('crossBorderReferral.tab.ownerOnly')}
        </Text>
      )}
      <QueryState query={referrals}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('crossBorderReferral.tab.empty')}</Text>
          ) : (
            <CrossBorderReferralsTable items={items} showSide={false} />
          )
        }
      </QueryState>
      <ReferAbroadModal
        caseId={detail.id}
        readableSections={detail.abilities.sections}
        opened={referring}
        onClose={() => setReferring(false)}
        onReferred={(referral) => void navigate({ to: '/cross-border-referrals/$referralId', params: { referralId: referral.id } })}
      />
    </Stack>
  );
}
