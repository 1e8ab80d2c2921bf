import { Alert, Badge, Card, DataList, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CrossBorderReferral } from '@seamless/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { Field } from '../caseRecord/common/Field';
import { useCountryName } from '../countries/useCountries';
import { genderLabel } from '../repatriation/repatriationView';

function RecordCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const Prose = ({ children }: { children: string | null }) =>
  children ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {children}
    </Text>
  ) : null;

/**
 * What was asked: the service, how urgent, which sections went, and why. Once her consent is
 * withdrawn the receiving side no longer holds why she was referred, and says so.
 */
export function ReferralCard({ referral }: { referral: CrossBorderReferral }) {
  const { t } = useTranslation();
  const withheld = referral.reason === null;
  return (
    <RecordCard title={t('crossBorderReferral.sent.title')}>
      <Stack gap="sm">
        <DataList>
          <Field label={t('crossBorderReferral.sent.service')}>{t(`serviceDirectory.areas.${referral.serviceArea}`)}</Field>
          <Field label={t('crossBorderReferral.sent.urgency')}>{t(`referrals.urgency.${referral.urgency}`)}</Field>
          <Field label={t('crossBorderReferral.sent.sentAt')}>
            <FormattedDate value={referral.sentAt} withTime />
          </Field>
          <Field label={t('crossBorderReferral.sent.sections')}>
            {referral.sections.length > 0 ? (
              <Group gap={4}>
                {referral.sections.map((section) => (
                  <Badge key={section} variant="light" color="gray">
                    {t(`caseRecord.section.${section}`)}
                  </Badge>
                ))}
              </Group>
            ) : null}
          </Field>
          {!withheld && (
            <>
              <Field label={t('crossBorderReferral.sent.reason')}>
                <Prose>{referral.reason}</Prose>
              </Field>
              <Field label={t('crossBorderReferral.sent.details')}>
                <Prose>{referral.details}</Prose>
              </Field>
            </>
          )}
        </DataList>
        {referral.consentWithdrawn && (
          <Alert color="orange" variant="light">
            {t(withheld ? 'crossBorderReferral.sent.withheld' : 'crossBorderReferral.sent.consentWithdrawn')}
          </Alert>
        )}
      </Stack>
    </RecordCard>
  );
}

/** Who she is, as the sending country sent it: only when identity was sent and the reader holds identity here. */
export function PersonCard({ person }: { person: NonNullable<CrossBorderReferral['person']> }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <RecordCard title={t('crossBorderReferral.person.title')}>
      <DataList>
        <Field label={t('crossBorderReferral.person.name')}>{person.name}</Field>
        <Field label={t('crossBorderReferral.person.sex')}>{person.sex && genderLabel(t, person.sex)}</Field>
        <Field label={t('crossBorderReferral.person.birthDate')}>{person.birthDate && <FormattedDate value={person.birthDate} />}</Field>
        <Field label={t('crossBorderReferral.person.citizenship')}>{person.citizenship && countryName(person.citizenship)}</Field>
        <Field label={t('crossBorderReferral.person.homeAddress')}>{person.homeAddress}</Field>
      </DataList>
    </RecordCard>
  );
}

/** What came back: the answer, the outcome reported, or the withdrawal, each as the side that wrote it sent it. */
export function ReplyCards({ referral }: { referral: CrossBorderReferral }) {
  const { t } = useTranslation();
  const { answer, outcome, withdrawal } = referral;
  if (!answer && !outcome && !withdrawal) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {answer && (
        <RecordCard title={t('crossBorderReferral.answer.title')}>
          <DataList>
            <Field label={t('crossBorderReferral.answer.decision')}>{t(`crossBorderReferral.answer.decisions.${answer.decision}`)}</Field>
            <Field label={t('crossBorderReferral.answer.note')}>
              <Prose>{answer.note}</Prose>
            </Field>
            <Field label={t('crossBorderReferral.answer.at')}>
              <FormattedDate value={answer.at} withTime />
            </Field>
          </DataList>
        </RecordCard>
      )}
      {outcome && (
        <RecordCard title={t('crossBorderReferral.outcome.title')}>
          <DataList>
            <Field label={t('crossBorderReferral.outcome.completedOn')}>
              <FormattedDate value={outcome.completedOn} />
            </Field>
            <Field label={t('crossBorderReferral.outcome.outcome')}>
              <Prose>{outcome.outcome}</Prose>
            </Field>
            <Field label={t('crossBorderReferral.outcome.at')}>
              <FormattedDate value={outcome.at} withTime />
            </Field>
          </DataList>
        </RecordCard>
      )}
      {withdrawal && (
        <RecordCard title={t('crossBorderReferral.withdrawal.title')}>
          <DataList>
            <Field label={t('crossBorderReferral.withdrawal.reason')}>
              <Prose>{withdrawal.reason}</Prose>
            </Field>
            <Field label={t('crossBorderReferral.withdrawal.at')}>
              <FormattedDate value={withdrawal.at} withTime />
            </Field>
          </DataList>
        </RecordCard>
      )}
    </SimpleGrid>
  );
}

/** Where the referral stands and what this side may do about it, then what was sent and answered. */
export function CrossBorderReferralRecord({ referral, actions }: { referral: CrossBorderReferral; actions: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Stack gap="md">
          <Text>{t(`crossBorderReferral.statusHint.${referral.side}.${referral.status}`, { partner: referral.partner.name })}</Text>
          <Text size="xs" c="dimmed">
            {t('crossBorderReferral.detail.packetsHint')}
          </Text>
          {actions}
        </Stack>
      </Card>
      <ReferralCard referral={referral} />
      {referral.person && <PersonCard person={referral.person} />}
      <ReplyCards referral={referral} />
    </Stack>
  );
}
