import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { type CaseDetail, type Consent, consentWithdrawSchema, type FieldError } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { GuardedModal } from '../../../components/GuardedModal';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../../lib/drafts/formGuard';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { validate } from '../../../lib/validation';
import { useCountryName } from '../../countries/useCountries';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useWithdrawConsent } from '../queries';
import { ConsentFormModal } from './ConsentFormModal';
import { consentState } from './consentCheck';

const STATE_COLOR = { active: 'teal', withdrawn: 'red', expired: 'gray' } as const;

function WithdrawForm({ caseId, consent, onDone }: { caseId: string; consent: Consent; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm({ reason: '' }, { form: 'consent-withdrawal', record: `${caseId}:${consent.id}` });
  const cancel = useGuardedCancel(onDone);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const withdraw = useWithdrawConsent(caseId);
  const errors = useRecordFieldErrors(clientErrors, withdraw.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(consentWithdrawSchema, { reason: values.reason });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) withdraw.mutate({ consentId: consent.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('caseRecord.consent.withdrawWarning')}</Text>
        <Textarea
          label={t('caseRecord.consent.withdrawReason')}
          value={values.reason}
          onChange={(event) => setField('reason', event.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          required
        />
        <ProblemAlert error={withdraw.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={withdraw.isPending}>
            {t('caseRecord.consent.withdrawConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawModal({ caseId, consent, onClose }: { caseId: string; consent: Consent | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={consent !== null} onClose={onClose} title={t('caseRecord.consent.withdrawTitle')}>
      {consent && <WithdrawForm key={consent.id} caseId={caseId} consent={consent} onDone={onClose} />}
    </GuardedModal>
  );
}

/** What the person agreed to: with whom, what, why and until when; withdrawing stops sharing at once. */
export function ConsentsCard({ detail, consents }: { detail: CaseDetail; consents: Consent[] }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const canRecord = detail.abilities.recordConsent;
  const sorted = [...consents].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('caseRecord.consent.title')}
        </Title>
        {canRecord && <Button onClick={() => setRecording(true)}>{t('caseRecord.consent.new')}</Button>}
      </Group>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseRecord.consent.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('caseRecord.consent.purpose')}</Table.Th>
                <Table.Th>{t('caseRecord.consent.scope')}</Table.Th>
                <Table.Th>{t('caseRecord.consent.givenBy')}</Table.Th>
                <Table.Th>{t('caseRecord.consent.period')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                {canRecord && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((consent) => {
                const state = consentState(consent);
                return (
                  <Table.Tr key={consent.id}>
                    <Table.Td>{t(`vocab.consentPurpose.${consent.purpose}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {consent.sections.length > 0
                          ? consent.sections.map((section) => t(`caseRecord.section.${section}`)).join(', ')
                          : t('caseRecord.consent.noSections')}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {consent.agencies.length > 0
                          ? consent.agencies.map((agency) => agency.name).join(', ')
                          : t('caseRecord.consent.anyAgency')}
                      </Text>
                      {consent.countries.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('caseRecord.consent.countriesList', { countries: consent.countries.map(countryName).join(', ') })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {consent.givenBy === 'guardian' ? t('caseRecord.consent.givenByGuardian') : t('caseRecord.consent.givenByVictim')}
                      </Text>
                      {consent.givenBy === 'guardian' && (consent.guardianName || consent.guardianRelationship) && (
                        <Text size="xs" c="dimmed">
                          {[consent.guardianName, consent.guardianRelationship].filter(Boolean).join(', ')}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {t('caseRecord.consent.recordedBy', { name: consent.recordedByName })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <FormattedDate value={consent.givenOn} />
                        {' – '}
                        {consent.expiresOn ? <FormattedDate value={consent.expiresOn} /> : t('caseRecord.consent.noExpiry')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOR[state]} variant="light">
                        {t(`caseRecord.consent.state.${state}`)}
                      </Badge>
                      {consent.withdrawnAt && (
                        <Text size="xs" c="dimmed">
                          <FormattedDate value={consent.withdrawnAt} /> {consent.withdrawalReason}
                        </Text>
                      )}
                    </Table.Td>
                    {canRecord && (
                      <Table.Td>
                        {state === 'active' && (
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setWithdrawing(consent)}>
                            {t('caseRecord.consent.withdraw')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canRecord && <ConsentFormModal detail={detail} opened={recording} onClose={() => setRecording(false)} />}
      {canRecord && <WithdrawModal caseId={detail.id} consent={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Card>
  );
}
