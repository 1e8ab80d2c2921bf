import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ParseKeys } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../components/RouterLinks';
import { authApi } from '../auth/api';
import { useMe } from '../auth/MeContext';
import { meQueryOptions } from '../auth/meQuery';
import { GUIDE_SLUGS, guideRoleFor, ROLE_GUIDES } from './roleGuides';
import { closeTour, useTourRequested } from './tourStore';
import './tour.css';

const HIGHLIGHT = 'data-tour-highlight';

/** Marks the navigation entry a step is about, so the words point at something she can see. */
function useHighlightedEntry(to: string | undefined, active: boolean) {
  useEffect(() => {
    if (!active || !to) return;
    const entry = document.querySelector(`nav a[href="${to}"]`);
    entry?.setAttribute(HIGHLIGHT, '');
    return () => entry?.removeAttribute(HIGHLIGHT);
  }, [to, active]);
}

/**
 * A short tour of what her role does and where, on her first sign-in; shown once per user (the
 * server remembers it) and again whenever she asks from the user menu.
 */
export function FirstRunTour() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const requested = useTourRequested();
  const [dismissed, setDismissed] = useState(false);
  const [index, setIndex] = useState(0);
  const seen = useMutation({
    mutationFn: () => authApi.updatePreferences({ tourSeen: true }),
    onSuccess: (updated) => queryClient.setQueryData(meQueryOptions.queryKey, updated),
  });
  const role = guideRoleFor(me.roles);
  const steps = role ? ROLE_GUIDES[role] : [];
  const opened = steps.length > 0 && (requested || (!me.tourSeen && !dismissed));
  const step = steps[index];
  useHighlightedEntry(step?.to, opened);

  if (!role || !step) return null;
  const finish = () => {
    setDismissed(true);
    setIndex(0);
    closeTour();
    if (!me.tourSeen) seen.mutate();
  };
  const last = index === steps.length - 1;
  return (
    <Modal
      opened={opened}
      onClose={finish}
      // No overlay: the navigation entry each step points at stays in view beside the dialog.
      withOverlay={false}
      title={t('onboarding.tour.title', { role: t(`onboarding.role.${role}.name`) })}
      size="md"
    >
      <Stack gap="sm" data-testid="first-run-tour">
        <Text size="sm" c="dimmed">
          {t('onboarding.tour.progress', { current: index + 1, total: steps.length })}
        </Text>
        <Text fw={700}>{t(`onboarding.role.${role}.steps.${step.key}.title` as ParseKeys)}</Text>
        <Text>{t(`onboarding.role.${role}.steps.${step.key}.body` as ParseKeys)}</Text>
        <RouterAnchor to="/guide/$role" params={{ role: GUIDE_SLUGS[role] }} onClick={finish} size="sm" underline="always">
          {t('onboarding.tour.readGuide')}
        </RouterAnchor>
        <Group justify="space-between" mt="sm" wrap="wrap">
          <Button variant="subtle" onClick={finish}>
            {t('onboarding.tour.skip')}
          </Button>
          <Group gap="xs">
            {index > 0 && (
              <Button variant="default" onClick={() => setIndex(index - 1)}>
                {t('onboarding.tour.back')}
              </Button>
            )}
            <Button onClick={last ? finish : () => setIndex(index + 1)}>{t(last ? 'onboarding.tour.done' : 'onboarding.tour.next')}</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
