import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { type FieldError, passwordChangeSchema } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { useFormValues } from '../../lib/useFormValues';
import { validate } from '../../lib/validation';
import { useChangePassword } from './queries';

const EMPTY = { currentPassword: '', newPassword: '', repeatPassword: '' };

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const { values, setField, setValues } = useFormValues(EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [attempted, setAttempted] = useState(false);
  const changePassword = useChangePassword();
  const errors = useFieldErrors(clientErrors, changePassword.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const { repeatPassword, ...body } = values;
    const checked = validate(passwordChangeSchema, body);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok || repeatPassword !== body.newPassword) return;
    changePassword.mutate(checked.data, {
      onSuccess: () => {
        setValues(EMPTY);
        setAttempted(false);
      },
    });
  };

  const mismatch = (attempted || values.repeatPassword !== '') && values.repeatPassword !== values.newPassword;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('account.password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <PasswordInput
            label={t('account.password.current')}
            value={values.currentPassword}
            onChange={(event) => setField('currentPassword', event.currentTarget.value)}
            error={errors.currentPassword}
            autoComplete="current-password"
            required
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('account.password.rules')}
            value={values.newPassword}
            onChange={(event) => setField('newPassword', event.currentTarget.value)}
            error={errors.newPassword}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('account.password.repeat')}
            value={values.repeatPassword}
            onChange={(event) => setField('repeatPassword', event.currentTarget.value)}
            error={mismatch ? t('account.password.mismatch') : undefined}
            autoComplete="new-password"
            required
          />
          <ProblemAlert error={changePassword.error} />
          {changePassword.isSuccess && (
            <Alert color="teal" variant="light" role="status">
              {t('account.password.changed')}
            </Alert>
          )}
          <Button type="submit" loading={changePassword.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
