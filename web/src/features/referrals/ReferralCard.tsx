import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import type { Referral, ReferralAction } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormattedDate } from '../../components/FormattedDate';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterAnchor } from '../../components/RouterLinks';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { useMe } from '../auth/MeContext';
import { consentRefusalOf } from '../caseRecord/problems';
import { useReferralStep } from './queries';
import { consentEndOf, counterpart, opensCase, STATUS_COLORS, URGENCY_COLORS } from './referralView';

type Asking = 'accept' | 'decline' | 'complete' | 'close' | null;

function StepForm({ referral, asking, onDone }: { referral: Referral; asking: Exclude<Asking, null>; onDone: () => void }) {
  const { t } = useTranslation();
  const step = useReferralStep();
  const { values, setField, draft } = useDraftForm({ text: '' }, { form: `referral-${asking}`, record: referral.id });
  const { text } = values;
  const ended = consentEndOf(step.error);
  const refusal = consentRefusalOf(step.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const referralId = referral.id;
    const done = { onSuccess: draft.clearing(onDone) };
    if (asking === 'accept') step.mutate({ action: 'accept', referralId }, done);
    if (asking === 'decline') step.mutate({ action: 'decline', referralId, reason: text }, done);
    if (asking === 'complete') step.mutate({ action: 'complete', referralId, outcome: text.trim() || null }, done);
    if (asking === 'close') step.mutate({ action: 'close', referralId, outcome: text }, done);
  };
  const needsText = asking === 'decline' || asking === 'close';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        {asking === 'accept' ? (
          <Text size="sm">{t(referral.kind === 'transfer' ? 'referrals.step.accept.transferBody' : 'referrals.step.accept.body')}</Text>
        ) : (
          <Textarea
            label={t(`referrals.step.${asking}.label`)}
            description={t(`referrals.step.${asking}.hint`)}
            value={text}
            onChange={(event) => setField('text', event.currentTarget.value)}
            required={needsText}
            autosize
            minRows={2}
            maxLength={asking === 'decline' ? 500 : 1000}
          />
        )}
        {ended ? (
          <Alert color="red" variant="light" role="alert" title={t('referrals.dialog.refusedTitle')}>
            {t(`referrals.consentEnded.${ended}`)}
          </Alert>
        ) : refusal ? (
          <Alert color="red" variant="light" role="alert" title={t('referrals.dialog.refusedTitle')}>
            {t(`caseRecord.share.refusal.${refusal}`)}
          </Alert>
        ) : (
          <ProblemAlert error={step.error} />
        )}
        <FormFooter
          onCancel={onDone}
          submitting={step.isPending}
          submitLabel={t(`referrals.step.${asking}.submit`)}
          disabled={needsText && !text.trim()}
        />
      </Stack>
    </form>
  );
}

/** Accept (confirmed), decline and close (with the reason or outcome the other side reads), withdraw, delivered. */
function StepModal({ referral, asking, onClose }: { referral: Referral; asking: Asking; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={asking !== null} onClose={onClose} title={asking ? t(`referrals.step.${asking}.title`) : ''}>
      {asking && <StepForm key={asking} referral={referral} asking={asking} onDone={onClose} />}
    </GuardedModal>
  );
}

export function ReferralCard({ referral, showCase }: { referral: Referral; showCase: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const withdraw = useReferralStep();
  const [asking, setAsking] = useState<Asking>(null);
  const [confirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const incoming = referral.toAgency?.id === me.agency.id && referral.direction === 'outgoing';
  const act = (action: ReferralAction) => {
    if (action === 'withdraw') setConfirmingWithdraw(true);
    else setAsking(action);
  };
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {referral.kind === 'transfer'
              ? t('referrals.card.transfer')
              : referral.serviceArea
                ? t(`serviceDirectory.areas.${referral.serviceArea}`)
                : t('referrals.card.referral')}
          </Text>
          <Text size="sm">
            {t(incoming || referral.direction === 'incoming' ? 'referrals.card.from' : 'referrals.card.to', {
              name: counterpart(referral, me.agency.id),
            })}
          </Text>
          {showCase && (
            <Text size="sm">
              {!opensCase(referral, incoming) ? (
                `${referral.caseReference} · ${referral.pseudonym}`
              ) : (
                <RouterAnchor to="/cases/$caseId" params={{ caseId: referral.caseId }} size="sm">
                  {`${referral.caseReference} · ${referral.pseudonym}`}
                </RouterAnchor>
              )}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {referral.overdue && <Badge color="red">{t('referrals.card.overdue')}</Badge>}
          <Badge color={URGENCY_COLORS[referral.urgency]} variant="outline">
            {t(`referrals.urgency.${referral.urgency}`)}
          </Badge>
          <Badge color={STATUS_COLORS[referral.status]} variant="light">
            {t(`referrals.status.${referral.status}`)}
          </Badge>
        </Group>
      </Group>
      <Stack gap={4} mt="xs">
        {referral.consentEnded && (
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm">{t(`referrals.consentEnded.${referral.consentEnded}`)}</Text>
          </Alert>
        )}
        {referral.reason && <Text size="sm">{referral.reason}</Text>}
        {referral.details ? (
          <Text size="sm" c="dimmed">
            {referral.details}
          </Text>
        ) : (
          incoming &&
          referral.status === 'pending' &&
          !referral.consentEnded && (
            <Text size="xs" c="dimmed">
              {t('referrals.card.detailsHidden')}
            </Text>
          )
        )}
        <Text size="xs" c="dimmed">
          {t('referrals.card.sent')} <FormattedDate value={referral.referredOn} />
          {referral.sentByName ? ` · ${referral.sentByName}` : ''}
          {referral.externalCaseWorker ? ` · ${referral.externalCaseWorker}` : ''}
          {referral.dueOn && (
            <>
              {' · '}
              {t('referrals.card.due')} <FormattedDate value={referral.dueOn} />
            </>
          )}
        </Text>
        {referral.direction === 'outgoing' && !referral.externalOrganisation && (
          <Text size="xs" c="dimmed">
            {referral.kind === 'transfer' ? t('referrals.card.keeps') : t('referrals.card.sections')}{' '}
            {referral.sections.length
              ? referral.sections.map((section) => t(`caseRecord.section.${section}`)).join(', ')
              : t('referrals.card.noSections')}
          </Text>
        )}
        {referral.answeredByName && (
          <Text size="xs" c="dimmed">
            {t('referrals.card.answeredBy', { name: referral.answeredByName })}
          </Text>
        )}
        {referral.declineReason && (
          <Text size="sm">
            <Text span fw={500}>
              {t('referrals.card.declineReason')}:
            </Text>{' '}
            {referral.declineReason}
          </Text>
        )}
        {referral.outcome && (
          <Text size="sm">
            <Text span fw={500}>
              {t('referrals.card.outcome')}:
            </Text>{' '}
            {referral.outcome}
          </Text>
        )}
      </Stack>
      {referral.actions.length > 0 && (
        <Group gap="xs" mt="sm" wrap="wrap">
          {referral.actions.map((action) => (
            <Button
              key={action}
              size="xs"
              variant={action === 'accept' ? 'filled' : 'default'}
              color={action === 'decline' || action === 'withdraw' ? 'red' : undefined}
              loading={action === 'withdraw' && withdraw.isPending}
              onClick={() => act(action)}
            >
              {t(`referrals.action.${action}`)}
            </Button>
          ))}
        </Group>
      )}
      <ProblemAlert error={withdraw.error} />
      <ConfirmDialog
        opened={confirmingWithdraw}
        title={t('confirm.referralWithdraw.title')}
        message={t('confirm.referralWithdraw.text')}
        confirmLabel={t('confirm.referralWithdraw.action')}
        cancelLabel={t('confirm.back')}
        onCancel={() => setConfirmingWithdraw(false)}
        onConfirm={() => {
          setConfirmingWithdraw(false);
          withdraw.mutate({ action: 'withdraw', referralId: referral.id });
        }}
      />
      <StepModal referral={referral} asking={asking} onClose={() => setAsking(null)} />
    </Card>
  );
}
