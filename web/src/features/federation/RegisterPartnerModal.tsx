import { Alert, Button, FileButton, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FieldError, type Partner, partnerRegistrationSchema } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { validate } from '../../lib/validation';
import { AgencySelect } from '../caseRecord/common/AgencySelect';
import { groupError, useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { isConflict } from '../caseRecord/problems';
import { useAgencyDirectory } from '../caseRecord/queries';
import { useCountryName } from '../countries/useCountries';
import { Fingerprint } from './Fingerprint';
import { parseIdentityDocument } from './federationView';
import { useRegisterPartner } from './queries';

type Source = 'url' | 'document';

interface Draft {
  source: Source;
  documentUrl: string;
  documentText: string;
  confirmedFingerprint: string;
  receivingAgencyId: string | null;
}

/** The fingerprint is checked by ear against the partner's, each time: a typed one is never kept to be sent later. */
const UNKEPT_FIELDS = ['confirmedFingerprint'] as const;

function RegisterForm({
  instanceCountry,
  onRegistered,
  onCancel,
}: {
  instanceCountry: string;
  onRegistered: (partner: Partner) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { values, setValues, draft } = useDraftForm<Draft>(
    {
      source: 'url',
      documentUrl: '',
      documentText: '',
      confirmedFingerprint: '',
      receivingAgencyId: null,
    },
    { form: 'partner-registration', record: 'new', secret: UNKEPT_FIELDS },
  );
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [unreadable, setUnreadable] = useState(false);
  const register = useRegisterPartner();
  const directory = useAgencyDirectory();
  // Whatever the server names on these fields beyond a schema rule is its comparison or its fetch failing.
  const errors = useRecordFieldErrors(clientErrors, register.error, {
    confirmedFingerprint: t('federation.register.fingerprintMismatch'),
    documentUrl: t('federation.register.fetchFailed'),
    document: t('federation.register.invalidDocument'),
  });
  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    register.reset();
    setValues((current) => ({ ...current, [key]: value }));
  };
  // What this partner sends is received by an agency of this country (its national focal point).
  const agencies = (directory.data?.items ?? []).filter((agency) => agency.countryCode === instanceCountry);

  const readFile = (file: File | null) => {
    if (!file) return;
    file.text().then(
      (text) => {
        setUnreadable(false);
        set('documentText', text);
      },
      () => setUnreadable(true),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = values.source === 'document' ? parseIdentityDocument(values.documentText) : null;
    if (parsed && !parsed.ok) {
      setClientErrors([{ path: 'document', code: 'invalid_json', message: t('federation.register.invalidJson') }]);
      return;
    }
    const checked = validate(partnerRegistrationSchema, {
      ...(parsed ? { document: parsed.document } : { documentUrl: values.documentUrl.trim() }),
      confirmedFingerprint: values.confirmedFingerprint,
      receivingAgencyId: values.receivingAgencyId ?? undefined,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) register.mutate(checked.data, { onSuccess: draft.clearing(onRegistered) });
  };
  // A document that is JSON but not an identity document fails on one of its fields: one sentence says so.
  const documentError = errors.document ?? (groupError(errors, 'document') ? t('federation.register.invalidDocument') : undefined);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('federation.register.intro')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('federation.register.source')}
          </Text>
          <SegmentedControl
            value={values.source}
            onChange={(value) => set('source', value === 'document' ? 'document' : 'url')}
            data={[
              { value: 'url', label: t('federation.register.fromUrl') },
              { value: 'document', label: t('federation.register.fromDocument') },
            ]}
          />
        </Stack>
        {values.source === 'url' ? (
          <TextInput
            type="url"
            label={t('federation.register.documentUrl')}
            description={t('federation.register.documentUrlHint')}
            value={values.documentUrl}
            onChange={(event) => set('documentUrl', event.currentTarget.value)}
            error={errors.documentUrl}
            maxLength={500}
            required
          />
        ) : (
          <Stack gap="xs">
            <Textarea
              label={t('federation.register.document')}
              description={t('federation.register.documentHint')}
              value={values.documentText}
              onChange={(event) => set('documentText', event.currentTarget.value)}
              error={documentError}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              autosize
              minRows={4}
              maxRows={12}
              required
            />
            <Group>
              <FileButton onChange={readFile} accept="application/json,.json">
                {(props) => (
                  <Button variant="default" size="xs" {...props}>
                    {t('federation.register.upload')}
                  </Button>
                )}
              </FileButton>
              {unreadable && (
                <Text size="xs" c="red">
                  {t('federation.import.readFailed')}
                </Text>
              )}
            </Group>
          </Stack>
        )}
        <TextInput
          label={t('federation.register.fingerprint')}
          description={t('federation.register.fingerprintHint')}
          value={values.confirmedFingerprint}
          onChange={(event) => set('confirmedFingerprint', event.currentTarget.value)}
          error={errors.confirmedFingerprint}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          required
        />
        <AgencySelect
          label={t('federation.register.receivingAgency')}
          description={t('federation.register.receivingAgencyHint')}
          agencies={agencies}
          value={values.receivingAgencyId}
          onChange={(value) => set('receivingAgencyId', value)}
          error={errors.receivingAgencyId}
          required
        />
        {isConflict(register.error) ? (
          <Alert color="orange" variant="light" role="alert">
            {t('federation.register.alreadyRegistered')}
          </Alert>
        ) : (
          <ProblemAlert error={register.error} />
        )}
        <FormFooter onCancel={onCancel} submitting={register.isPending} submitLabel={t('federation.register.submit')} />
      </Stack>
    </form>
  );
}

/**
 * Only after the server has compared the fingerprint typed in with the document does the page
 * show the document's own: showing it earlier would invite copying it instead of listening.
 */
function Registered({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Stack>
      <Alert color="teal" variant="light" role="status" title={t('federation.register.registered', { name: partner.name })}>
        <Text size="sm">{countryName(partner.country)}</Text>
      </Alert>
      <Text size="sm">{t('federation.register.registeredFingerprint')}</Text>
      <Fingerprint value={partner.fingerprint} label={t('federation.identity.fingerprint')} />
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('federation.register.done')}</Button>
      </Group>
    </Stack>
  );
}

export function RegisterPartnerModal({
  opened,
  instanceCountry,
  onClose,
}: {
  opened: boolean;
  instanceCountry: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [registered, setRegistered] = useState<Partner | null>(null);
  const close = () => {
    setRegistered(null);
    onClose();
  };
  return (
    <GuardedModal opened={opened} onClose={close} size="lg" title={t('federation.register.title')}>
      {opened &&
        (registered ? (
          <Registered partner={registered} onDone={close} />
        ) : (
          <RegisterForm instanceCountry={instanceCountry} onRegistered={setRegistered} onCancel={close} />
        ))}
    </GuardedModal>
  );
}
