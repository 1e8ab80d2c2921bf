import { Box, Button, Group, Modal, type ModalProps, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormGuard, FormGuardContext, type FormGuardHost } from '../lib/drafts/formGuard';

/** "Discard what you typed?", asked in place of the form; Keep editing has the focus, so Enter or Escape is safe. */
function DiscardQuestion({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <Stack role="alertdialog" aria-labelledby={titleId} gap="md" py="md">
      <Title order={3} size="h4" id={titleId}>
        {t('drafts.close.title')}
      </Title>
      <Text size="sm">{t('drafts.close.text')}</Text>
      <Group justify="flex-end" wrap="wrap" gap="sm">
        <Button ref={keep} variant="default" onClick={onKeep}>
          {t('drafts.keepEditing')}
        </Button>
        <Button color="red" onClick={onDiscard}>
          {t('drafts.close.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * A dialog holding a form: Escape, a click outside, the close button or the form's Cancel do not
 * throw away what was typed without asking "Discard / Keep editing". The question takes the
 * form's place inside the same dialog (a second dialog on top would fight it for the focus); the
 * form stays mounted underneath, so keeping on editing finds everything as it was. The form
 * makes itself known through useDraftForm.
 */
export function GuardedModal({ onClose, children, ...modal }: ModalProps) {
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
    <Modal {...modal} onClose={() => (pendingClose ? setPendingClose(null) : host.requestClose(onClose))}>
      <FormGuardContext value={host}>
        {pendingClose && (
          <DiscardQuestion
            onKeep={() => setPendingClose(null)}
            onDiscard={() => {
              guard.current?.discard();
              pendingClose();
              setPendingClose(null);
            }}
          />
        )}
        <Box display={pendingClose ? 'none' : undefined}>{children}</Box>
      </FormGuardContext>
    </Modal>
  );
}
