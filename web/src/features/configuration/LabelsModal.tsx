import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FieldError, type LocalisedLabels, localisedLabelsSchema } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validate } from '../../lib/validation';
import { LabelsInputs } from './LabelsInputs';

interface LabelsFormProps {
  legend: string;
  initial: LocalisedLabels;
  onApply: (labels: LocalisedLabels) => void;
  onCancel: () => void;
}

function LabelsForm({ legend, initial, onApply, onCancel }: LabelsFormProps) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(localisedLabelsSchema, labels);
    if (!checked.ok) {
      setErrors(checked.errors.map((error) => ({ ...error, path: `labels.${error.path}` })));
      return;
    }
    onApply(checked.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <LabelsInputs legend={legend} value={labels} onChange={setLabels} errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
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
}

/** Edits one text in all eight languages; the change joins the editor's draft, saved with the rest. */
export function LabelsModal({ labels, title, legend, onApply, onClose }: LabelsModalProps) {
  return (
    <Modal opened={labels !== null} onClose={onClose} title={title} size="lg">
      {labels && (
        <LabelsForm
          legend={legend}
          initial={labels}
          onApply={(next) => {
            onApply(next);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
