import { Alert, Button, Group, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import {
  type FieldError,
  type Permission,
  type Role,
  roleCreateSchema,
  roleUpdateSchema,
  VICTIM_DATA_PERMISSIONS,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { PermissionChecklist } from './PermissionChecklist';
import { useCreateRole, useUpdateRole } from './queries';
import { roleLabel } from './roleLabel';

/** Which role the modal edits; `null` role means a new one. */
export type RoleFormTarget = { role: Role | null };

interface RoleFormProps {
  role: Role | null;
  onDone: () => void;
}

function RoleForm({ role, onDone }: RoleFormProps) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<{
    key: string;
    name: string;
    permissions: Permission[];
    assignableByAgencyAdmins: boolean;
  }>(
    () => ({
      key: role?.key ?? '',
      name: role?.name ?? '',
      permissions: [...(role?.permissions ?? [])],
      assignableByAgencyAdmins: role?.assignableByAgencyAdmins ?? false,
    }),
    { form: 'role', record: role?.id ?? 'new' },
  );
  const cancel = useGuardedCancel(onDone);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const errors = useFieldErrors(clientErrors, mutation.error);
  const seesVictimData = values.permissions.some((permission) => VICTIM_DATA_PERMISSIONS.includes(permission));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (role) {
      // Built-in roles are named by the catalogue, so only their permissions are edited here.
      const name = role.builtIn ? undefined : values.name;
      const checked = validate(roleUpdateSchema, {
        name,
        permissions: values.permissions,
        assignableByAgencyAdmins: values.assignableByAgencyAdmins,
        version: role.version,
      });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) update.mutate({ id: role.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    } else {
      const checked = validate(roleCreateSchema, values);
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) create.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('roles.fields.name')}
            value={role?.builtIn ? roleLabel(t, role.key, role.name) : values.name}
            onChange={(event) => setField('name', event.currentTarget.value)}
            error={errors.name}
            disabled={role?.builtIn ?? false}
            required
          />
          <TextInput
            label={t('roles.fields.key')}
            description={role ? undefined : t('roles.fields.keyDescription')}
            value={values.key}
            onChange={(event) => setField('key', event.currentTarget.value)}
            error={errors.key}
            disabled={role !== null}
            autoCapitalize="none"
            spellCheck={false}
            required
          />
        </SimpleGrid>
        <PermissionChecklist
          value={values.permissions}
          onChange={(permissions) => setField('permissions', permissions)}
          error={errors.permissions}
        />
        <Switch
          label={t('roleDelegation.field')}
          description={t('roleDelegation.fieldDescription')}
          checked={values.assignableByAgencyAdmins}
          onChange={(event) => setField('assignableByAgencyAdmins', event.currentTarget.checked)}
        />
        {seesVictimData && (
          <Alert color="blue" variant="light">
            {t('roles.secondFactorNotice')}
          </Alert>
        )}
        <ProblemAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {role ? t('common.save') : t('roles.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface RoleFormModalProps {
  target: RoleFormTarget | null;
  onClose: () => void;
}

export function RoleFormModal({ target, onClose }: RoleFormModalProps) {
  const { t } = useTranslation();
  const role = target?.role;
  return (
    <GuardedModal
      opened={target !== null}
      onClose={onClose}
      title={role ? t('roles.editTitle', { name: roleLabel(t, role.key, role.name) }) : t('roles.createTitle')}
      size="xl"
    >
      {target && <RoleForm key={role?.id ?? 'new'} role={target.role} onDone={onClose} />}
    </GuardedModal>
  );
}
