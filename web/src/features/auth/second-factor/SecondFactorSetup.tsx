import { Button, Code, CopyButton, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { authApi } from '../api';

interface SecondFactorSetupProps {
  onConfirmed: (recoveryCodes: string[]) => void;
}

/**
 * Enrols an authenticator app: the server draws the QR code and keeps the secret; the first
 * valid code proves the app holds it and switches the second factor on.
 */
export function SecondFactorSetup({ onConfirmed }: SecondFactorSetupProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const enrol = useMutation({ mutationFn: authApi.enrolSecondFactor });
  const confirm = useMutation({
    mutationFn: authApi.confirmSecondFactor,
    onSuccess: ({ recoveryCodes }) => onConfirmed(recoveryCodes),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.replace(/\s/g, ''));
  };

  if (!enrol.data) {
    return (
      <Stack align="flex-start">
        <Text>{t('secondFactor.setup.intro')}</Text>
        <ProblemAlert error={enrol.error} />
        <Button onClick={() => enrol.mutate()} loading={enrol.isPending}>
          {t('secondFactor.setup.start')}
        </Button>
      </Stack>
    );
  }

  const { qrSvg, secret } = enrol.data;
  return (
    <Stack>
      <List type="ordered" spacing="xs">
        <List.Item>{t('secondFactor.setup.stepInstall')}</List.Item>
        <List.Item>{t('secondFactor.setup.stepScan')}</List.Item>
        <List.Item>{t('secondFactor.setup.stepConfirm')}</List.Item>
      </List>
      {/* An <img> cannot run anything embedded in the SVG, unlike inserting it as markup. */}
      <Image
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
        alt={t('secondFactor.setup.qrAlt')}
        w={200}
        h={200}
        className="qr-code"
      />
      <div>
        <Text size="sm" c="dimmed">
          {t('secondFactor.setup.manualKey')}
        </Text>
        <Group gap="xs">
          <Code fz="sm">{secret}</Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="subtle" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </div>
      <form onSubmit={submit}>
        <Stack align="flex-start">
          <TextInput
            label={t('secondFactor.codeLabel')}
            description={t('secondFactor.setup.codeDescription')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            w={220}
          />
          <ProblemAlert error={confirm.error} />
          <Button type="submit" loading={confirm.isPending}>
            {t('secondFactor.setup.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
