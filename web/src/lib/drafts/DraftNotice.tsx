import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LeaveDialog } from '../../components/LeaveDialog';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../dates';
import type { LeaveGuard } from '../useLeaveGuard';

/** Says that earlier input was brought back (with a way to throw it away), and asks before leaving a form with unsaved input. */
export function DraftNotice({ draft }: { draft: { restoredAt: Date | null; discard: () => void; leave: LeaveGuard } }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {draft.restoredAt && (
        <Alert color="blue" variant="light" title={t('drafts.restored', { time: formatDateTime(draft.restoredAt, locale) })}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm">{t('drafts.restoredText')}</Text>
            <Button variant="default" size="compact-sm" onClick={draft.discard}>
              {t('drafts.discard')}
            </Button>
          </Group>
        </Alert>
      )}
      <LeaveDialog guard={draft.leave} kept />
    </>
  );
}
