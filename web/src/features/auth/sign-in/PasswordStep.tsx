import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { FieldError, LoginResponse } from '@seamless/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { useFormValues } from '../../../lib/useFormValues';
import { authApi } from '../api';
import { checkLoginForm } from './loginForm';

interface PasswordStepProps {
  onAnswer: (response: LoginResponse) => void;
}

export function PasswordStep({ onAnswer }: PasswordStepProps) {
  const { t } = useTranslation();
  const { values, setField } = useFormValues({ username: '', password: '' });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const login = useMutation({ mutationFn: authApi.login, onSuccess: onAnswer });
  const errors = useFieldErrors(clientErrors, login.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkLoginForm(values);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) login.mutate(checked.data);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('signIn.username')}
          value={values.username}
          onChange={(event) => setField('username', event.currentTarget.value)}
          error={errors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
        />
        <PasswordInput
          label={t('signIn.password')}
          value={values.password}
          onChange={(event) => setField('password', event.currentTarget.value)}
          error={errors.password}
          autoComplete="current-password"
          required
        />
        <ProblemAlert error={login.error} />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
