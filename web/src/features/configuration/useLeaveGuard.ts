import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Asks before leaving an editor whose draft is not saved: inside the app, and on closing or reloading the tab. */
export function useLeaveGuard(dirty: boolean): void {
  const { t } = useTranslation();
  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm(t('configuration.draft.leave')),
    enableBeforeUnload: () => dirty,
  });
}
