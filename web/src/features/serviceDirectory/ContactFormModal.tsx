import { MultiSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  type DirectoryContact,
  directoryContactInputSchema,
  directoryContactUpdateSchema,
  type FieldError,
  SPOKEN_LANGUAGES,
} from '@seamless/contracts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { blankToNull, sortedOptions } from '../caseRecord/common/options';
import { useAddContact, useUpdateContact } from './queries';

const TEXT_FIELDS = ['name', 'position', 'phone', 'email', 'lineId', 'whatsapp', 'wechat', 'viber', 'telegram'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Values = Record<TextField, string> & { languages: string[] };

const LABELS: Record<TextField, string> = {
  name: 'contactName',
  position: 'position',
  phone: 'phone',
  email: 'email',
  lineId: 'lineId',
  whatsapp: 'whatsapp',
  wechat: 'wechat',
  viber: 'viber',
  telegram: 'telegram',
};

function ContactForm({
  organisationId,
  contact,
  onDone,
}: {
  organisationId: string;
  contact: DirectoryContact | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { values, setField, draft } = useDraftForm<Values>(
    () => ({
      ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, contact?.[field] ?? ''])) as Record<TextField, string>),
      languages: contact?.languages ?? [],
    }),
    { form: 'directory-contact', record: `${organisationId}:${contact?.id ?? 'new'}` },
  );
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const add = useAddContact();
  const update = useUpdateContact();
  const mutation = contact ? update : add;
  const errors = useFieldErrors(clientErrors, mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, field === 'name' ? values.name : blankToNull(values[field])])),
      languages: values.languages,
    };
    if (contact) {
      const checked = validate(directoryContactUpdateSchema, { ...body, version: contact.version });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok)
        update.mutate({ id: organisationId, contactId: contact.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    } else {
      const checked = validate(directoryContactInputSchema, body);
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) add.mutate({ id: organisationId, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    }
  };

  const input = (field: TextField) => (
    <TextInput
      key={field}
      label={t(`serviceDirectory.form.${LABELS[field]}` as 'serviceDirectory.form.name')}
      required={field === 'name'}
      type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
      value={values[field]}
      onChange={(event: ChangeEvent<HTMLInputElement>) => setField(field, event.currentTarget.value)}
      error={errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>{TEXT_FIELDS.map(input)}</SimpleGrid>
        <MultiSelect
          label={t('serviceDirectory.form.languages')}
          data={sortedOptions(SPOKEN_LANGUAGES, (code) => t(`languageName.${code}`), locale)}
          value={values.languages}
          onChange={(value) => setField('languages', value)}
          error={errors.languages}
          searchable
        />
        <ProblemAlert error={mutation.error} />
        <FormFooter onCancel={onDone} submitting={mutation.isPending} />
      </Stack>
    </form>
  );
}

export type ContactFormTarget = { contact: DirectoryContact | null };

export function ContactFormModal({
  organisationId,
  target,
  onClose,
}: {
  organisationId: string;
  target: ContactFormTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={target !== null}
      onClose={onClose}
      size="lg"
      title={t(target?.contact ? 'serviceDirectory.form.editContact' : 'serviceDirectory.form.addContact')}
    >
      {target && <ContactForm organisationId={organisationId} contact={target.contact} onDone={onClose} />}
    </GuardedModal>
  );
}
