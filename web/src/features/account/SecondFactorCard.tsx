import { Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from '../auth/MeContext';
import { RecoveryCodes } from '../auth/second-factor/RecoveryCodes';
import { SecondFactorSetup } from '../auth/second-factor/SecondFactorSetup';
import { useDisableSecondFactor, useRefreshMe } from './queries';

type Enrolment = { kind: 'closed' } | { kind: 'setup' } | { kind: 'recovery_codes'; codes: string[] };

function DisableSecondFactorForm() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const disable = useDisableSecondFactor();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(code.trim());
  };
  return (
    <form onSubmit={submit}>
      <Stack align="flex-start">
        <TextInput
          label={t('secondFactor.codeLabel')}
          description={t('account.secondFactor.disableDescription')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="one-time-code"
          maxLength={20}
          required
          w={260}
        />
        <ProblemAlert error={disable.error} />
        <Button type="submit" color="red" variant="light" loading={disable.isPending}>
          {t('account.secondFactor.disable')}
        </Button>
      </Stack>
    </form>
  );
}

export function SecondFactorCard() {
  const { t } = useTranslation();
  const { secondFactor } = useMe();
  const refreshMe = useRefreshMe();
  const [enrolment, setEnrolment] = useState<Enrolment>({ kind: 'closed' });

  const close = () => {
    setEnrolment({ kind: 'closed' });
    void refreshMe();
  };

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('account.secondFactor.title')}
        </Title>
        <Badge color={secondFactor.enabled ? 'teal' : 'gray'} variant="light">
          {secondFactor.enabled ? t('account.secondFactor.on') : t('account.secondFactor.off')}
        </Badge>
      </Group>
      <Stack align="flex-start">
        <Text c="dimmed" size="sm">
          {t('account.secondFactor.explanation')}
        </Text>
        {!secondFactor.enabled && <Button onClick={() => setEnrolment({ kind: 'setup' })}>{t('account.secondFactor.enable')}</Button>}
        {secondFactor.enabled && secondFactor.required && <Text size="sm">{t('account.secondFactor.requiredByRole')}</Text>}
        {secondFactor.enabled && !secondFactor.required && <DisableSecondFactorForm />}
      </Stack>
      <Modal
        opened={enrolment.kind !== 'closed'}
        onClose={close}
        title={enrolment.kind === 'recovery_codes' ? t('secondFactor.recovery.heading') : t('account.secondFactor.setupTitle')}
        size="lg"
        // Closing by accident would lose recovery codes that are shown only once.
        closeOnClickOutside={enrolment.kind !== 'recovery_codes'}
        closeOnEscape={enrolment.kind !== 'recovery_codes'}
        withCloseButton={enrolment.kind !== 'recovery_codes'}
      >
        {enrolment.kind === 'setup' && <SecondFactorSetup onConfirmed={(codes) => setEnrolment({ kind: 'recovery_codes', codes })} />}
        {enrolment.kind === 'recovery_codes' && <RecoveryCodes codes={enrolment.codes} onDone={close} />}
      </Modal>
    </Card>
  );
}
