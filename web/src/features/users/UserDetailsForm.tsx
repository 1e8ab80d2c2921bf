import { Button, Group, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import {
  type FieldError,
  isLocale,
  type Locale,
  SUPPORTED_LOCALES,
  type User,
  userCreateSchema,
  userUpdateSchema,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useAgencyOptions } from '../agencies/queries';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { useGroupOptions } from '../groups/queries';
import { useRoleOptions } from '../roles/queries';
import { useCreateUser, useUpdateUser } from './queries';

interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  agencyId: string | null;
  roleKeys: string[];
  groupIds: string[];
  locale: Locale;
  password: string;
  active: boolean;
}

/** A new account's first password is never kept in a draft on the device. */
const SECRET_FIELDS = ['password'] as const;

function initialValues(user: User | null, defaultAgencyId: string): UserFormValues {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    agencyId: user?.agencyId ?? defaultAgencyId,
    roleKeys: user?.roleKeys ?? [],
    groupIds: user?.groupIds ?? [],
    locale: user?.locale ?? 'en',
    password: '',
    active: user?.active ?? true,
  };
}

interface UserDetailsFormProps {
  user: User | null;
  onSaved: (user: User) => void;
  onCancel: () => void;
}

/** A new account, or the profile, roles and groups of an existing one. */
export function UserDetailsForm({ user, onSaved, onCancel }: UserDetailsFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const acrossAgencies = hasPermission(me, 'admin:users:all_agencies');
  const agencyOptions = useAgencyOptions();
  const roleOptions = useRoleOptions(user?.roleKeys);
  const { values, setField, setValues, draft } = useDraftForm(() => initialValues(user, me.agency.id), {
    form: 'user',
    record: user?.id ?? 'new',
    secret: SECRET_FIELDS,
  });
  const cancel = useGuardedCancel(onCancel);
  const groupOptions = useGroupOptions(values.agencyId);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const errors = useFieldErrors(clientErrors, mutation.error);
  const localeOptions = SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const email = values.email.trim() === '' ? null : values.email;
    if (user) {
      const checked = validate(userUpdateSchema, {
        displayName: values.displayName,
        email,
        roleKeys: values.roleKeys,
        groupIds: values.groupIds,
        locale: values.locale,
        active: values.active,
        version: user.version,
      });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) update.mutate({ id: user.id, body: checked.data }, { onSuccess: draft.clearing(onSaved) });
    } else {
      const checked = validate(userCreateSchema, {
        username: values.username,
        displayName: values.displayName,
        email,
        agencyId: values.agencyId ?? undefined,
        roleKeys: values.roleKeys,
        groupIds: values.groupIds,
        locale: values.locale,
        password: values.password,
      });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) create.mutate(checked.data, { onSuccess: draft.clearing(onSaved) });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.fields.username')}
            description={user ? undefined : t('users.fields.usernameDescription')}
            value={values.username}
            onChange={(event) => setField('username', event.currentTarget.value)}
            error={errors.username}
            disabled={user !== null}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextInput
            label={t('users.fields.displayName')}
            value={values.displayName}
            onChange={(event) => setField('displayName', event.currentTarget.value)}
            error={errors.displayName}
            required
          />
          <TextInput
            label={t('users.fields.email')}
            type="email"
            value={values.email}
            onChange={(event) => setField('email', event.currentTarget.value)}
            error={errors.email}
            autoComplete="off"
          />
          <Select
            label={t('users.fields.locale')}
            data={localeOptions}
            value={values.locale}
            onChange={(value) => {
              if (isLocale(value)) setField('locale', value);
            }}
            error={errors.locale}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Select
          label={t('users.fields.agency')}
          data={acrossAgencies ? agencyOptions : [{ value: me.agency.id, label: me.agency.name }]}
          value={values.agencyId}
          onChange={(agencyId) => setValues((current) => ({ ...current, agencyId, groupIds: [] }))}
          error={errors.agencyId}
          disabled={user !== null || !acrossAgencies}
          searchable
          required
        />
        <MultiSelect
          label={t('users.fields.roles')}
          data={roleOptions.options}
          description={roleOptions.limited ? t('roleDelegation.pickerHint') : undefined}
          value={values.roleKeys}
          onChange={(roleKeys) => setField('roleKeys', roleKeys)}
          error={errors.roleKeys}
          searchable
          required
        />
        <MultiSelect
          label={t('users.fields.groups')}
          data={groupOptions}
          value={values.groupIds}
          onChange={(groupIds) => setField('groupIds', groupIds)}
          error={errors.groupIds}
          nothingFoundMessage={t('users.fields.noGroups')}
          searchable
        />
        {!user && (
          <PasswordInput
            label={t('users.fields.password')}
            description={t('account.password.rules')}
            value={values.password}
            onChange={(event) => setField('password', event.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
            required
          />
        )}
        {user && (
          <Switch
            label={t('users.fields.active')}
            description={t('users.fields.activeDescription')}
            checked={values.active}
            onChange={(event) => setField('active', event.currentTarget.checked)}
          />
        )}
        <ProblemAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {user ? t('common.save') : t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
