import { Modal, type ModalProps } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormGuard, FormGuardContext, type FormGuardHost } from '../lib/drafts/formGuard';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * A dialog holding a form: Escape, a click outside, the close button or the form's Cancel do not
 * throw away what was typed without asking "Discard / Keep editing". The form inside makes itself
 * known through useDraftForm.
 */
export function GuardedModal({ onClose, children, ...modal }: ModalProps) {
  const { t } = useTranslation();
  const guard = useRef<FormGuard | null>(null);
  const [pendingClose, setPendingClose] = useState<(() => void) | null>(null);
  const host = useMemo<FormGuardHost>(
    () => ({
      register: (next) => {
        guard.current = next;
      },
      requestClose: (close) => {
        if (guard.current?.isDirty()) setPendingClose(() => close);
        else close();
      },
    }),
    [],
  );
  return (
    <>
      <Modal {...modal} onClose={() => host.requestClose(onClose)}>
        <FormGuardContext value={host}>{children}</FormGuardContext>
      </Modal>
      <ConfirmDialog
        opened={pendingClose !== null}
        title={t('drafts.close.title')}
        message={t('drafts.close.text')}
        confirmLabel={t('drafts.close.confirm')}
        cancelLabel={t('drafts.keepEditing')}
        onCancel={() => setPendingClose(null)}
        onConfirm={() => {
          guard.current?.discard();
          pendingClose?.();
          setPendingClose(null);
        }}
      />
    </>
  );
}
