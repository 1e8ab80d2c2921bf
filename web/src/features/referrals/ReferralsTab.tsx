import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { useMe } from '../auth/MeContext';
import { ExternalReferralDialog } from './ExternalReferralDialog';
import { useCaseReferrals } from './queries';
import { ReferralCard } from './ReferralCard';
import { ReferralDialog } from './ReferralDialog';

/** The case's referrals: those it sent (with their answers) and those it received, newest first. */
export function ReferralsTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const referrals = useCaseReferrals(detail.id);
  const [dialog, setDialog] = useState<'refer' | 'transfer' | 'external' | null>(null);
  const mayTransfer = detail.abilities.update && me.permissions.includes('case:transfer');
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          {t('referrals.tab.title')}
        </Title>
        {detail.abilities.update && (
          <Group gap="xs">
            <Button onClick={() => setDialog('refer')}>{t('referrals.tab.refer')}</Button>
            <Button variant="default" onClick={() => setDialog('external')}>
              {t('referrals.external.button')}
            </Button>
            {mayTransfer && (
              <Button variant="default" onClick={() => setDialog('transfer')}>
                {t('referrals.tab.transfer')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <QueryState query={referrals}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('referrals.tab.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
              {items.map((referral) => (
                <ReferralCard key={referral.id} referral={referral} showCase={false} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <ReferralDialog
        caseId={detail.id}
        opened={dialog === 'refer' || dialog === 'transfer'}
        transfer={dialog === 'transfer'}
        onClose={() => setDialog(null)}
      />
      <ExternalReferralDialog caseId={detail.id} opened={dialog === 'external'} onClose={() => setDialog(null)} />
    </Stack>
  );
}
