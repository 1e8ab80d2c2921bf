import { Box, Button, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { LoginResponse, Me } from '@seamless/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader';
import { LanguageSwitcher } from '../../../components/shell/LanguageSwitcher';
import { HelpContact } from '../../help/HelpContact';
import { authApi } from '../api';
import { meQueryOptions } from '../meQuery';
import { useAdoptSignedInUser } from '../mutations';
import { PasswordStep } from './PasswordStep';
import { SecondFactorStep } from './SecondFactorStep';

// The steps few sign-ins reach are fetched when reached: they validate with the contracts' zod schemas.
const ForgotPassword = lazy(() => import('../../help/ForgotPassword').then((module) => ({ default: module.ForgotPassword })));
const SecondFactorSetup = lazy(() =>
  import('../second-factor/SecondFactorSetup').then((module) => ({ default: module.SecondFactorSetup })),
);
const RecoveryCodes = lazy(() => import('../second-factor/RecoveryCodes').then((module) => ({ default: module.RecoveryCodes })));

/** Where sign-in stands: the server's session stage, plus showing new recovery codes once. */
type Step =
  | { kind: 'password' }
  | { kind: 'forgot' }
  | { kind: 'second_factor' }
  | { kind: 'enrolment' }
  | { kind: 'recovery_codes'; codes: string[] };

export function SignInPage() {
  const { t } = useTranslation();
  const { redirect } = useSearch({ from: '/sign-in' });
  const router = useRouter();
  const queryClient = useQueryClient();
  const adoptSignedInUser = useAdoptSignedInUser();
  const [step, setStep] = useState<Step>({ kind: 'password' });

  const enter = async (me: Me) => {
    await adoptSignedInUser(me);
    await router.navigate({ href: redirect ?? '/' });
  };

  // An active session without the user in the answer (after enrolment) is read from /me.
  const currentUser = async (): Promise<Me | null> => queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });

  const onAnswer = async ({ stage, me }: LoginResponse) => {
    if (stage !== 'active') {
      setStep({ kind: stage });
      return;
    }
    const user = me ?? (await currentUser());
    if (user) await enter(user);
    else setStep({ kind: 'password' });
  };

  const finishEnrolment = async () => {
    const user = await currentUser();
    if (user) await enter(user);
    else setStep({ kind: 'password' });
  };

  // The half-open session would otherwise linger until it expires.
  const abandon = useMutation({ mutationFn: authApi.logout, onSettled: () => setStep({ kind: 'password' }) });
  const abandonEnrolment = () => abandon.mutate();

  const heading: Record<Step['kind'], string> = {
    password: t('signIn.title'),
    forgot: t('help.forgot.title'),
    second_factor: t('signIn.secondFactor.title'),
    enrolment: t('signIn.enrolment.title'),
    recovery_codes: t('secondFactor.recovery.heading'),
  };

  return (
    <Container size={step.kind === 'password' || step.kind === 'forgot' || step.kind === 'second_factor' ? 420 : 560} py={48}>
      <Group justify="flex-end" mb="md">
        <LanguageSwitcher />
      </Group>
      <Center mb="lg">
        <Stack gap={4} align="center">
          <Text fw={700} fz={32} c="teal.8">
            Seamless
          </Text>
          <Text c="dimmed" ta="center">
            {t('signIn.tagline')}
          </Text>
        </Stack>
      </Center>
      <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
        <Title order={1} size="h3" mb="md">
          {heading[step.kind]}
        </Title>
        {step.kind === 'password' && (
          <Stack gap="xs">
            <PasswordStep onAnswer={onAnswer} />
            <Button variant="subtle" onClick={() => setStep({ kind: 'forgot' })}>
              {t('help.forgot.link')}
            </Button>
          </Stack>
        )}
        <Suspense fallback={<PageLoader />}>
          {step.kind === 'forgot' && <ForgotPassword onBack={() => setStep({ kind: 'password' })} />}
          {step.kind === 'second_factor' && <SecondFactorStep onAnswer={onAnswer} onStartOver={() => setStep({ kind: 'password' })} />}
          {step.kind === 'enrolment' && (
            <Stack>
              <Text>{t('signIn.enrolment.intro')}</Text>
              <SecondFactorSetup onConfirmed={(codes) => setStep({ kind: 'recovery_codes', codes })} />
              <Group>
                <Button variant="subtle" onClick={abandonEnrolment} loading={abandon.isPending}>
                  {t('signIn.startOver')}
                </Button>
              </Group>
            </Stack>
          )}
          {step.kind === 'recovery_codes' && <RecoveryCodes codes={step.codes} onDone={finishEnrolment} />}
        </Suspense>
      </Paper>
      <Box mt="md">
        <HelpContact signedIn={false} />
      </Box>
    </Container>
  );
}
