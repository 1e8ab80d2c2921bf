import { Button, Group, Stack } from '@mantine/core';
import { type FieldError, type LocalisedLabels, localisedLabelsSchema } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedModal } from '../../components/GuardedModal';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { validate } from '../../lib/validation';
import { LabelsInputs } from './LabelsInputs';

interface LabelsFormProps {
  legend: string;
  initial: LocalisedLabels;
  onApply: (labels: LocalisedLabels) => void;
  onCancel: () => void;
  /** Which text: the draft of one text is never laid over another. */
  draftRecord: string;
}

function LabelsForm({ legend, initial, onApply, onCancel, draftRecord }: LabelsFormProps) {
  const { t } = useTranslation();
  const { values: labels, setValues: setLabels, draft } = useDraftForm(initial, { form: 'labels', record: draftRecord });
  const cancel = useGuardedCancel(onCancel);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(localisedLabelsSchema, labels);
    if (!checked.ok) {
      setErrors(checked.errors.map((error) => ({ ...error, path: `labels.${error.path}` })));
      return;
    }
    draft.clear();
    onApply(checked.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <LabelsInputs legend={legend} value={labels} onChange={setLabels} errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('configuration.draft.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

interface LabelsModalProps {
  /** The labels to edit; null closes the dialog. */
  labels: LocalisedLabels | null;
  title: string;
  legend: string;
  onApply: (labels: LocalisedLabels) => void;
  onClose: () => void;
  /** Which text this is, e.g. "picklist:<id>:name": its draft is kept under it. */
  draftRecord: string;
}

/** Edits one text in all eight languages; the change joins the editor's draft, saved with the rest. */
export function LabelsModal({ labels, title, legend, onApply, onClose, draftRecord }: LabelsModalProps) {
  return (
    <GuardedModal opened={labels !== null} onClose={onClose} title={title} size="lg">
      {labels && (
        <LabelsForm
          key={draftRecord}
          legend={legend}
          initial={labels}
          draftRecord={draftRecord}
          onApply={(next) => {
            onApply(next);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </GuardedModal>
  );
}
