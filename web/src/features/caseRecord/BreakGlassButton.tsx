import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { BREAK_GLASS_MINUTES, breakGlassInputSchema, CASE_SECTIONS, type CaseDetail, type FieldError } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { validate } from '../../lib/validation';
import { useRecordFieldErrors } from './common/useRecordFieldErrors';
import { useBreakGlass } from './queries';

/** Asks why, warns that it is audited and time-limited, then opens every section of the case. */
function BreakGlassDialog({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const breakGlass = useBreakGlass(caseId);
  const errors = useRecordFieldErrors(clientErrors, breakGlass.error);

  const close = () => {
    setReason('');
    setClientErrors([]);
    breakGlass.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(breakGlassInputSchema, { reason });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) breakGlass.mutate(checked.data, { onSuccess: close });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('caseRecord.breakGlass.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="red" variant="light" title={t('caseRecord.breakGlass.warningTitle')}>
            {t('caseRecord.breakGlass.warning', { hours: BREAK_GLASS_MINUTES / 60 })}
          </Alert>
          <Textarea
            label={t('caseRecord.breakGlass.reason')}
            description={t('caseRecord.breakGlass.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            minRows={3}
            autosize
            required
          />
          <ProblemAlert error={breakGlass.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={breakGlass.isPending}>
              {t('caseRecord.breakGlass.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Emergency access for a role that holds it, as a button that opens the dialog. */
export function BreakGlassAction({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpened(true)}>
        {t('caseRecord.breakGlass.open')}
      </Button>
      <BreakGlassDialog caseId={caseId} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

/** Offered only while something of the case is still closed to the reader and no emergency access runs. */
export function BreakGlassButton({ detail }: { detail: CaseDetail }) {
  const everythingOpen = CASE_SECTIONS.every((section) => detail.abilities.sections.includes(section));
  if (!detail.abilities.breakGlass || everythingOpen || detail.breakGlassUntil) return null;
  return <BreakGlassAction caseId={detail.id} />;
}
