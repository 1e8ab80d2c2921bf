import { Alert, Button, Fieldset, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { type FieldError, type User, userUpdateSchema } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/dates';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useUpdateUser } from './queries';
import { isLocked } from './userStatus';

type AccessAction = 'unlocked' | 'secondFactorReset' | 'passwordSet';

interface UserAccessActionsProps {
  user: User;
  onChanged: (user: User) => void;
}

/** Help for a colleague who cannot get in: unlock, new authenticator, new password. */
export function UserAccessActions({ user, onChanged }: UserAccessActionsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<AccessAction | null>(null);
  const [running, setRunning] = useState<AccessAction | null>(null);
  const errors = useFieldErrors(clientErrors, update.error);

  const act = (body: { unlock?: true; resetSecondFactor?: true; newPassword?: string }, action: AccessAction) => {
    const checked = validate(userUpdateSchema, { ...body, version: user.version });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) return;
    setRunning(action);
    update.mutate(
      { id: user.id, body: checked.data },
      {
        onSettled: () => setRunning(null),
        onSuccess: (updated) => {
          setDone(action);
          setPassword('');
          onChanged(updated);
        },
      },
    );
  };

  const setNewPassword = (event: FormEvent) => {
    event.preventDefault();
    act({ newPassword: password }, 'passwordSet');
  };

  return (
    <Fieldset legend={t('users.access.title')}>
      <Stack>
        {isLocked(user) && user.lockedUntil && (
          <Group justify="space-between">
            <Text size="sm">{t('users.access.lockedUntil', { time: formatDateTime(user.lockedUntil, locale) })}</Text>
            <Button variant="light" onClick={() => act({ unlock: true }, 'unlocked')} loading={running === 'unlocked'}>
              {t('users.access.unlock')}
            </Button>
          </Group>
        )}
        {user.secondFactorEnabled && (
          <Group justify="space-between">
            <Text size="sm">{t('users.access.resetSecondFactorDescription')}</Text>
            <ConfirmButton
              variant="light"
              color="orange"
              confirmTitle={t('confirm.secondFactorReset.title', { name: user.displayName })}
              confirmMessage={t('confirm.secondFactorReset.text')}
              confirmLabel={t('confirm.secondFactorReset.action')}
              onConfirm={() => act({ resetSecondFactor: true }, 'secondFactorReset')}
              loading={running === 'secondFactorReset'}
            >
              {t('users.access.resetSecondFactor')}
            </ConfirmButton>
          </Group>
        )}
        <form onSubmit={setNewPassword} noValidate>
          <Group align="flex-end">
            <PasswordInput
              label={t('users.access.newPassword')}
              description={t('account.password.rules')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.newPassword}
              autoComplete="new-password"
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" loading={running === 'passwordSet'}>
              {t('users.access.setPassword')}
            </Button>
          </Group>
        </form>
        <ProblemAlert error={update.error} />
        {done && (
          <Alert color="teal" variant="light" role="status">
            {t(`users.access.done.${done}`)}
          </Alert>
        )}
      </Stack>
    </Fieldset>
  );
}
