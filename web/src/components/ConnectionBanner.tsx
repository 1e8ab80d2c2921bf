import { Alert, Portal } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConnectionTrouble, watchConnection } from '../api/connectionStatus';

/** Seconds left until the next try, counted down once a second while a request waits. */
function useSecondsUntil(at: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === undefined ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Tells the user, on every page, that the server asked us to slow down or the connection dropped
 * and that the app is trying again by itself, so a slow line never looks like a broken page.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [trouble, setTrouble] = useState<ConnectionTrouble | null>(null);
  useEffect(() => watchConnection(client, setTrouble), [client]);
  const seconds = useSecondsUntil(trouble?.retryAt);
  if (!trouble) return null;
  const message = seconds > 0 ? t(`connection.${trouble.reason}.waiting`, { count: seconds }) : t(`connection.${trouble.reason}.trying`);
  return (
    <Portal>
      <Alert
        role="status"
        aria-live="polite"
        color={trouble.reason === 'busy' ? 'yellow' : 'gray'}
        variant="filled"
        title={t(`connection.${trouble.reason}.title`)}
        data-testid="connection-banner"
        style={{ position: 'fixed', insetInline: 12, bottom: 12, zIndex: 400, maxWidth: 560, marginInline: 'auto' }}
      >
        {message}
      </Alert>
    </Portal>
  );
}
