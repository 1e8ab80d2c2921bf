import { Button, type ButtonProps } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  children: ReactNode;
  /** The question, naming what happens: "Cancel the interpreter request?" */
  confirmTitle: string;
  /** What follows from it, in a sentence. */
  confirmMessage: ReactNode;
  /** The verb on the button that does it, e.g. "Cancel request". */
  confirmLabel: string;
  onConfirm: () => void;
}

/** A button for a destructive or irreversible step: it asks first, in a dialog that names the step. */
export function ConfirmButton({ confirmTitle, confirmMessage, confirmLabel, onConfirm, children, ...button }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setAsking(true)}>
        {children}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={confirmTitle}
        message={confirmMessage}
        confirmLabel={confirmLabel}
        cancelLabel={t('confirm.back')}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          onConfirm();
        }}
      />
    </>
  );
}
