import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { PersonMerge } from './api';
import { useUndoPersonMerge } from './queries';

/** Someone undid the merge first; the list has been read again and shows it. */
function alreadyUndone(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 409;
}

function UndoMergeForm({ merge, onDone }: { merge: PersonMerge; onDone: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoPersonMerge();
  return (
    <Stack>
      <Text size="sm">{t('configuration.personMerges.undoBody')}</Text>
      <List size="sm">
        <List.Item>{t('configuration.personMerges.movedCases', { number: merge.moved.cases })}</List.Item>
        <List.Item>{t('configuration.personMerges.movedNames', { number: merge.moved.names })}</List.Item>
        <List.Item>{t('configuration.personMerges.movedDocuments', { number: merge.moved.documents })}</List.Item>
        <List.Item>{t('configuration.personMerges.movedContacts', { number: merge.moved.contacts })}</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        {t('configuration.personMerges.undoAudit')}
      </Text>
      {alreadyUndone(undo.error) ? (
        <Alert color="orange" variant="light" role="alert">
          {t('configuration.personMerges.alreadyUndone')}
        </Alert>
      ) : (
        <ProblemAlert error={undo.error} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {alreadyUndone(undo.error) ? t('configuration.personMerges.close') : t('common.cancel')}
        </Button>
        {!alreadyUndone(undo.error) && (
          <Button color="red" loading={undo.isPending} onClick={() => undo.mutate(merge.id, { onSuccess: onDone })}>
            {t('configuration.personMerges.undoConfirm')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

interface UndoMergeModalProps {
  merge: PersonMerge | null;
  onClose: () => void;
}

/** Asks before a merge is undone: both records become separate persons again. */
export function UndoMergeModal({ merge, onClose }: UndoMergeModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={merge !== null} onClose={onClose} title={t('configuration.personMerges.undoTitle')} size="lg">
      {merge && <UndoMergeForm key={merge.id} merge={merge} onDone={onClose} />}
    </Modal>
  );
}
