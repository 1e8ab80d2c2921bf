import { Button, type ButtonProps, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGuardedCancel } from '../lib/drafts/formGuard';

interface FormFooterProps {
  onCancel: () => void;
  submitting: boolean;
  /** The form's own verb when "Save" would not say what happens (admit, discharge, decline…). */
  submitLabel?: string;
  disabled?: boolean;
  color?: ButtonProps['color'];
}

/** The Cancel / submit row closing a form; it wraps on a phone instead of pushing the page sideways. */
export function FormFooter({ onCancel, submitting, submitLabel, disabled, color }: FormFooterProps) {
  const { t } = useTranslation();
  const cancel = useGuardedCancel(onCancel);
  return (
    <Group justify="flex-end" wrap="wrap" gap="sm">
      <Button variant="default" onClick={cancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={color} loading={submitting} disabled={disabled}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
