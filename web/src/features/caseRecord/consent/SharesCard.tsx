import { Alert, Badge, Button, Card, Group, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { type CaseDetail, type CaseShare, type Consent, caseShareInputSchema, type FieldError } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormattedDate } from '../../../components/FormattedDate';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useLocale } from '../../../i18n/useLocale';
import { formatDate } from '../../../lib/dates';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { validate } from '../../../lib/validation';
import { AgencySelect } from '../common/AgencySelect';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { consentRefusalOf } from '../problems';
import { useAgencyDirectory, useShareCase, useUnshareCase } from '../queries';
import { consentGap, consentState } from './consentCheck';
import { SectionCheckboxes } from './SectionCheckboxes';
import { EMPTY_SHARE, withConsent } from './shareDraft';

function ShareForm({ detail, consents }: { detail: CaseDetail; consents: Consent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const directory = useAgencyDirectory();
  const { values, setField: setValue, setValues, draft } = useDraftForm(EMPTY_SHARE, { form: 'case-share', record: detail.id });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [shared, setShared] = useState<string | null>(null);
  const share = useShareCase(detail.id);
  const errors = useRecordFieldErrors(clientErrors, share.error);
  const refusal = consentRefusalOf(share.error);
  // A refusal or a success message speaks of the form as it was sent: any change makes it stale.
  const setField: typeof setValue = (key, value) => {
    share.reset();
    setShared(null);
    setValue(key, value);
  };

  const usable = consents.filter((consent) => consentState(consent) === 'active');
  const consent = consents.find((item) => item.id === values.consentId) ?? null;
  const agencies = (directory.data?.items ?? []).filter((agency) => agency.id !== detail.ownerAgencyId);
  const agency = agencies.find((item) => item.id === values.agencyId) ?? null;
  // Said before sending, in the same words the server's refusal would bring.
  const gap = agency && consent ? consentGap(consent, { agency, caseCountry: detail.countryCode, sections: values.sections }) : null;

  const chooseConsent = (consentId: string | null) => {
    share.reset();
    setShared(null);
    setValues((current) => withConsent(current, consentId));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShared(null);
    const checked = validate(caseShareInputSchema, {
      agencyId: values.agencyId ?? undefined,
      consentId: values.consentId ?? undefined,
      sections: values.sections,
      kind: values.kind,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    const name = agency?.name ?? null;
    if (checked.ok)
      share.mutate(checked.data, {
        onSuccess: () => {
          setShared(name);
          draft.clear(EMPTY_SHARE);
        },
      });
  };

  if (usable.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {t('caseRecord.share.needConsent')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Title order={3} size="h5">
          {t('caseRecord.share.new')}
        </Title>
        <Select
          label={t('caseRecord.share.consent')}
          description={t('caseRecord.share.consentHint')}
          data={usable.map((item) => ({
            value: item.id,
            label: t('caseRecord.share.consentOption', {
              purpose: t(`vocab.consentPurpose.${item.purpose}`),
              date: formatDate(item.givenOn, locale),
            }),
          }))}
          value={values.consentId}
          onChange={chooseConsent}
          error={refusal ? true : errors.consentId}
          required
        />
        <AgencySelect
          label={t('caseRecord.share.agency')}
          agencies={agencies}
          value={values.agencyId}
          onChange={(value) => setField('agencyId', value)}
          error={errors.agencyId}
          required
        />
        <SectionCheckboxes
          label={t('caseRecord.share.sections')}
          description={t('caseRecord.share.sectionsHint')}
          value={values.sections}
          onChange={(sections) => setField('sections', sections)}
          error={errors.sections}
        />
        <Radio.Group
          label={t('caseRecord.share.kind')}
          value={values.kind}
          onChange={(value) => setField('kind', value === 'referral' ? 'referral' : 'shared')}
        >
          <Group mt="xs">
            <Radio value="shared" label={t('caseRecord.share.kinds.shared')} />
            <Radio value="referral" label={t('caseRecord.share.kinds.referral')} />
          </Group>
        </Radio.Group>
        {gap && !refusal && (
          <Alert color="orange" variant="light" title={t('caseRecord.share.gapTitle')}>
            {t(`caseRecord.share.refusal.${gap}`)}
          </Alert>
        )}
        {refusal ? (
          <Alert color="red" variant="light" role="alert" title={t('caseRecord.share.refusedTitle')}>
            {t(`caseRecord.share.refusal.${refusal}`)}
          </Alert>
        ) : (
          <ProblemAlert error={share.error} />
        )}
        {shared && (
          <Alert color="teal" variant="light" role="status">
            {t('caseRecord.share.done', { agency: shared })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={share.isPending}>
            {t('caseRecord.share.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SharesTable({ detail, shares }: { detail: CaseDetail; shares: CaseShare[] }) {
  const { t } = useTranslation();
  const unshare = useUnshareCase(detail.id);
  if (shares.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('caseRecord.share.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('caseRecord.share.agency')}</Table.Th>
              <Table.Th>{t('caseRecord.share.kind')}</Table.Th>
              <Table.Th>{t('caseRecord.share.sections')}</Table.Th>
              <Table.Th>{t('caseRecord.share.grantedAt')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shares.map((item) => (
              <Table.Tr key={item.agencyId}>
                <Table.Td>{item.agencyName}</Table.Td>
                <Table.Td>{t(`caseRecord.share.kinds.${item.kind}`)}</Table.Td>
                <Table.Td>
                  {item.sections.length > 0
                    ? item.sections.map((section) => t(`caseRecord.section.${section}`)).join(', ')
                    : t('caseRecord.share.summaryOnly')}
                </Table.Td>
                <Table.Td>
                  <FormattedDate value={item.grantedAt} withTime />
                </Table.Td>
                <Table.Td>
                  {item.revokedAt ? (
                    <Badge color="gray" variant="light">
                      {t('caseRecord.share.revoked')}
                    </Badge>
                  ) : (
                    <ConfirmButton
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      confirmTitle={t('confirm.unshare.title', { agency: item.agencyName })}
                      confirmMessage={t('confirm.unshare.text')}
                      confirmLabel={t('confirm.unshare.action')}
                      onConfirm={() => unshare.mutate(item.agencyId)}
                      loading={unshare.isPending && unshare.variables === item.agencyId}
                    >
                      {t('caseRecord.share.stop')}
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ProblemAlert error={unshare.error} />
    </Stack>
  );
}

/** Who else works on the case, with which sections, on which consent. Owner only. */
export function SharesCard({ detail, consents, shares }: { detail: CaseDetail; consents: Consent[]; shares: CaseShare[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('caseRecord.share.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('caseRecord.share.description')}
      </Text>
      <Stack gap="lg">
        <SharesTable detail={detail} shares={shares} />
        <ShareForm detail={detail} consents={consents} />
      </Stack>
    </Card>
  );
}
