import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';

interface DraftActionsProps {
  dirty: boolean;
  saving: boolean;
  /** The version last saved from this editor, to confirm the save. */
  savedVersion: number | null;
  onDiscard: () => void;
  onSave: () => void;
  saveLabel: string;
}

/** Edits collect in a draft until saved at once: one version, one audit event, one optimistic lock. */
export function DraftActions({ dirty, saving, savedVersion, onDiscard, onSave, saveLabel }: DraftActionsProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" pos="sticky" bottom={0} style={{ zIndex: 2 }}>
      <Group justify="space-between">
        <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} role="status">
          {dirty
            ? t('configuration.draft.unsaved')
            : savedVersion !== null
              ? t('configuration.draft.saved', { version: savedVersion })
              : t('configuration.draft.noChanges')}
        </Text>
        <Group gap="sm">
          <ConfirmButton
            variant="default"
            disabled={!dirty || saving}
            confirmTitle={t('confirm.configurationDiscard.title')}
            confirmMessage={t('confirm.configurationDiscard.text')}
            confirmLabel={t('confirm.configurationDiscard.action')}
            onConfirm={onDiscard}
          >
            {t('configuration.draft.discard')}
          </ConfirmButton>
          <Button onClick={onSave} disabled={!dirty} loading={saving}>
            {saveLabel}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
