import { useTranslation } from 'react-i18next';
import type { LeaveGuard } from '../lib/useLeaveGuard';
import { ConfirmDialog } from './ConfirmDialog';

interface LeaveDialogProps {
  guard: LeaveGuard;
  /** Whether what was typed stays as a draft on this device, or is lost on leaving. */
  kept: boolean;
}

/** The answer to a held navigation (useLeaveGuard): leave anyway, or stay and keep editing. */
export function LeaveDialog({ guard, kept }: LeaveDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened={guard.status === 'blocked'}
      title={t('drafts.leave.title')}
      message={kept ? t('drafts.leave.kept') : t('drafts.leave.lost')}
      confirmLabel={t('drafts.leave.confirm')}
      cancelLabel={t('drafts.keepEditing')}
      color={kept ? 'blue' : 'red'}
      onConfirm={() => guard.proceed?.()}
      onCancel={() => guard.reset?.()}
    />
  );
}
