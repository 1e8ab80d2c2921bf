import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { BREAK_GLASS_MINUTES, breakGlassInputSchema, type CaseDetail, type FieldError } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { validate } from '../../lib/validation';
import { useRecordFieldErrors } from './common/useRecordFieldErrors';
import { useBreakGlass } from './queries';

function BreakGlassForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm({ reason: '' }, { form: 'break-glass', record: caseId });
  const cancel = useGuardedCancel(onDone);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const breakGlass = useBreakGlass(caseId);
  const errors = useRecordFieldErrors(clientErrors, breakGlass.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(breakGlassInputSchema, values);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) breakGlass.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Alert color="red" variant="light" title={t('caseRecord.breakGlass.warningTitle')}>
          {t('caseRecord.breakGlass.warning', { hours: BREAK_GLASS_MINUTES / 60 })}
        </Alert>
        <Textarea
          label={t('caseRecord.breakGlass.reason')}
          description={t('caseRecord.breakGlass.reasonHint')}
          value={values.reason}
          onChange={(event) => setField('reason', event.currentTarget.value)}
          error={errors.reason}
          minRows={3}
          autosize
          required
        />
        <ProblemAlert error={breakGlass.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={breakGlass.isPending}>
            {t('caseRecord.breakGlass.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks why, warns that it is audited and time-limited, then opens every section of the case. */
function BreakGlassDialog({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('caseRecord.breakGlass.title')} size="lg">
      {opened && <BreakGlassForm caseId={caseId} onDone={onClose} />}
    </GuardedModal>
  );
}

/**
 * Emergency access for a role that holds it, as a button that opens the dialog. Quiet by default:
 * the warning belongs in the dialog, not on a page the worker opens every day.
 */
export function BreakGlassAction({ caseId, quiet = false }: { caseId: string; quiet?: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant={quiet ? 'subtle' : 'outline'}
        color={quiet ? 'gray' : 'red'}
        size={quiet ? 'compact-sm' : 'sm'}
        onClick={() => setOpened(true)}
      >
        {t('caseRecord.breakGlass.open')}
      </Button>
      <BreakGlassDialog caseId={caseId} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

/**
 * Offered only when the server says it would open a section the reader's role holds and she
 * cannot read now: never to the case's own worker, nor while a grant runs.
 */
export function BreakGlassButton({ detail }: { detail: CaseDetail }) {
  if (!detail.abilities.breakGlass) return null;
  return <BreakGlassAction caseId={detail.id} quiet />;
}
