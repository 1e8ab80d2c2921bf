import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { LoginResponse } from '@seamless/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { authApi } from '../api';

interface SecondFactorStepProps {
  onAnswer: (response: LoginResponse) => void;
  onStartOver: () => void;
}

export function SecondFactorStep({ onAnswer, onStartOver }: SecondFactorStepProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const verify = useMutation({ mutationFn: authApi.submitSecondFactor, onSuccess: onAnswer });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate(code.trim());
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text>{t('signIn.secondFactor.intro')}</Text>
        <TextInput
          label={t('secondFactor.codeLabel')}
          description={t('signIn.secondFactor.codeDescription')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          minLength={6}
          maxLength={20}
          required
          autoFocus
        />
        <ProblemAlert error={verify.error} />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onStartOver}>
            {t('signIn.startOver')}
          </Button>
          <Button type="submit" loading={verify.isPending}>
            {t('signIn.secondFactor.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
