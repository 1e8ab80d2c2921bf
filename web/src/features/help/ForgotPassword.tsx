import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FieldError, passwordResetRequestSchema } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useRequestPasswordReset } from './queries';

/**
 * "Forgot password": she gives her username and her administrators are asked to set a new
 * password. The answer is the same for any name, so it says what happens next, not whether the
 * name was found.
 */
export function ForgotPassword({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const request = useRequestPasswordReset();
  const errors = useFieldErrors(clientErrors, request.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(passwordResetRequestSchema, { username });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) request.mutate(checked.data);
  };

  if (request.isSuccess) {
    return (
      <Stack>
        <Alert color="teal" title={t('help.forgot.sentTitle')} role="status">
          {t('help.forgot.sent')}
        </Alert>
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('help.forgot.back')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('help.forgot.intro')}</Text>
        <TextInput
          label={t('signIn.username')}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={errors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
        />
        <ProblemAlert error={request.error} />
        <Button type="submit" loading={request.isPending} fullWidth>
          {t('help.forgot.submit')}
        </Button>
        <Button variant="subtle" onClick={onBack}>
          {t('help.forgot.back')}
        </Button>
      </Stack>
    </form>
  );
}
