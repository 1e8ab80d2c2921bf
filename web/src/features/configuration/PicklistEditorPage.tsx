import { ActionIcon, Alert, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { type FieldError, type LocalisedLabels, lookupListSchema, lookupValueSchema } from '@seamless/contracts';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { ActionLabel } from '../../components/ActionLabel';
import { FormattedDate } from '../../components/FormattedDate';
import { LeaveDialog } from '../../components/LeaveDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { useLeaveGuard } from '../../lib/useLeaveGuard';
import { validate } from '../../lib/validation';
import { useCountryName } from '../countries/useCountries';
import { localised } from '../forms/configuredForm';
import type { StoredLookupList } from './api';
import { DraftActions } from './DraftActions';
import { emptyLabels } from './formDraft';
import { LabelsInputs, MONOSPACE_INPUT } from './LabelsInputs';
import { LabelsModal } from './LabelsModal';
import {
  addValue,
  draftOfList,
  hasValue,
  type ListDraft,
  listToSave,
  moveValue,
  sameList,
  setValueActive,
  setValueLabels,
  withValuesAddedElsewhere,
} from './picklistDraft';
import { useLookupLists, useSaveLookupList } from './queries';
import { SaveProblem } from './SaveProblem';

interface NewValueFormProps {
  taken: (code: string) => boolean;
  onAdd: (entry: { value: string; labels: LocalisedLabels }) => void;
  onCancel: () => void;
}

function NewValueForm({ taken, onAdd, onCancel }: NewValueFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [labels, setLabels] = useState(emptyLabels);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const codeError = errors.find((error) => error.path === 'value');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(lookupValueSchema, { value: code.trim(), labels, active: true, sort: 0 });
    const found = checked.ok ? [] : checked.errors;
    if (checked.ok && taken(checked.data.value)) found.push({ path: 'value', code: 'taken', message: '' });
    setErrors(found);
    if (checked.ok && found.length === 0) onAdd({ value: checked.data.value, labels: checked.data.labels });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('configuration.picklist.code')}
          description={t('configuration.picklist.codeHint')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={codeError && t(codeError.code === 'taken' ? 'configuration.picklist.codeTaken' : 'configuration.picklist.codeFormat')}
          required
          styles={MONOSPACE_INPUT}
          data-autofocus
        />
        <LabelsInputs legend={t('configuration.picklist.valueLabels')} value={labels} onChange={setLabels} errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('configuration.picklist.addValue')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

type Editing = { kind: 'name' } | { kind: 'value'; code: string } | { kind: 'new' } | null;

/**
 * The server refuses a list that lacks a value it holds (at `values`). The draft never drops a value,
 * so the list must have gained one since the editor opened: someone else saved in the meantime.
 */
function removalRefused(error: unknown): boolean {
  return error instanceof ApiProblem && error.errors.some((fieldError) => fieldError.path === 'values');
}

interface PicklistEditorProps {
  list: StoredLookupList;
  /** Reads the lists again and answers this one as it is now stored. */
  reload: () => Promise<StoredLookupList | undefined>;
}

function PicklistEditor({ list, reload }: PicklistEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryName = useCountryName();
  // The stored version the draft started from: saving against it tells whether someone else saved since.
  const [base, setBase] = useState(list);
  const [draft, setDraft] = useState<ListDraft>(() => draftOfList(list));
  const [editing, setEditing] = useState<Editing>(null);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [reloading, setReloading] = useState(false);
  const save = useSaveLookupList(list);
  const dirty = !sameList(draft, base);
  const leave = useLeaveGuard(() => dirty);
  const name = localised(draft.labels, locale);
  const change = (next: ListDraft) => {
    setDraft(next);
    setSavedVersion(null);
  };

  // The draft stays; values someone else added join it, so that saving it does not drop them.
  const reloadAfterConflict = async () => {
    setReloading(true);
    try {
      const stored = await reload();
      if (stored) {
        setBase(stored);
        setDraft((current) => withValuesAddedElsewhere(current, stored));
      }
      save.reset();
    } finally {
      setReloading(false);
    }
  };

  const submit = () => {
    const body = listToSave(draft);
    const checked = validate(lookupListSchema, { key: list.key, ...body });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) return;
    save.mutate(
      { ...body, version: base.version },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setDraft(draftOfList(saved));
          setSavedVersion(saved.version);
        },
      },
    );
  };

  const editedValue = editing?.kind === 'value' ? draft.values.find((value) => value.value === editing.code) : undefined;
  const invalidRows = new Set(
    clientErrors
      .map((error) => /^values\.(\d+)\./.exec(error.path)?.[1])
      .filter(Boolean)
      .map(Number),
  );
  const nameInvalid = clientErrors.some((error) => error.path.startsWith('labels'));

  return (
    <>
      <LeaveDialog guard={leave} kept={false} />
      <RouterAnchor to="/admin/forms" search={{ country: list.countryCode, tab: 'picklists' }} size="sm">
        {t('configuration.back')}
      </RouterAnchor>
      <PageHeader
        title={t('configuration.picklist.title', { name })}
        description={t('configuration.picklist.description')}
        actions={
          <Button variant="default" onClick={() => setEditing({ kind: 'name' })}>
            {t('configuration.picklist.editName')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="lg">
          <Text size="sm">
            {t('configuration.picklist.country')}: <b>{countryName(list.countryCode)}</b>
          </Text>
          <Text size="sm">
            {t('configuration.picklist.key')}:{' '}
            <Text span ff="monospace">
              {list.key}
            </Text>
          </Text>
          <Text size="sm">
            {t('configuration.version', { version: base.version })} · <FormattedDate value={base.updatedAt} withTime />
          </Text>
        </Group>
        {nameInvalid && (
          <Alert color="red" variant="light" role="alert">
            {t('configuration.picklist.nameIncomplete')}
          </Alert>
        )}
        {invalidRows.size > 0 && (
          <Alert color="red" variant="light" role="alert">
            {t('configuration.picklist.valuesIncomplete')}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('configuration.picklist.columns.order')}</Table.Th>
                <Table.Th>{t('configuration.picklist.columns.code')}</Table.Th>
                <Table.Th>{t('configuration.picklist.columns.label')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.values.map((value, index) => {
                const label = localised(value.labels, locale);
                const isNew = !hasValue(base.values, value.value);
                return (
                  <Table.Tr key={value.value} bg={invalidRows.has(index) ? 'red.0' : undefined}>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" w={28} c="dimmed">
                          {index + 1}
                        </Text>
                        <ActionIcon
                          variant="subtle"
                          disabled={index === 0}
                          onClick={() => change({ ...draft, values: moveValue(draft.values, index, -1) })}
                          aria-label={t('configuration.moveUp', { label })}
                        >
                          ↑
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={index === draft.values.length - 1}
                          onClick={() => change({ ...draft, values: moveValue(draft.values, index, 1) })}
                          aria-label={t('configuration.moveDown', { label })}
                        >
                          ↓
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace">{value.value}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={value.active ? undefined : 'dimmed'} td={value.active ? undefined : 'line-through'}>
                        {label}
                      </Text>
                      {locale !== 'en' && label !== value.labels.en && (
                        <Text size="xs" c="dimmed" lang="en">
                          {value.labels.en}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light" color={value.active ? 'teal' : 'gray'}>
                          {value.active ? t('configuration.picklist.offered') : t('configuration.picklist.deactivated')}
                        </Badge>
                        {isNew && (
                          <Badge variant="outline" color="blue">
                            {t('configuration.draft.new')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ kind: 'value', code: value.value })}>
                          <ActionLabel label={t('configuration.picklist.editLabels')} subject={label} />
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={value.active ? 'orange' : 'teal'}
                          onClick={() => change({ ...draft, values: setValueActive(draft.values, value.value, !value.active) })}
                        >
                          <ActionLabel
                            label={value.active ? t('configuration.picklist.deactivate') : t('configuration.picklist.reactivate')}
                            subject={label}
                          />
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button variant="light" onClick={() => setEditing({ kind: 'new' })}>
            {t('configuration.picklist.addValue')}
          </Button>
        </Group>
        <SaveProblem error={save.error} onReload={reloadAfterConflict} reloading={reloading} conflict={removalRefused(save.error)} />
        <DraftActions
          dirty={dirty}
          saving={save.isPending}
          savedVersion={savedVersion}
          onDiscard={() => {
            setDraft(draftOfList(base));
            setClientErrors([]);
            save.reset();
          }}
          onSave={submit}
          saveLabel={t('configuration.picklist.save')}
        />
      </Stack>
      <LabelsModal
        labels={editing?.kind === 'name' ? draft.labels : null}
        title={t('configuration.picklist.editName')}
        legend={t('configuration.picklist.listName')}
        draftRecord={`${list.id}:name`}
        onApply={(labels) => change({ ...draft, labels })}
        onClose={() => setEditing(null)}
      />
      <LabelsModal
        labels={editedValue ? editedValue.labels : null}
        title={t('configuration.picklist.labelsOf', { code: editedValue?.value ?? '' })}
        legend={t('configuration.picklist.valueLabels')}
        draftRecord={`${list.id}:value:${editedValue?.value ?? ''}`}
        onApply={(labels) => editedValue && change({ ...draft, values: setValueLabels(draft.values, editedValue.value, labels) })}
        onClose={() => setEditing(null)}
      />
      <Modal
        opened={editing?.kind === 'new'}
        onClose={() => setEditing(null)}
        title={t('configuration.picklist.addValueTitle', { name })}
        size="lg"
      >
        {editing?.kind === 'new' && (
          <NewValueForm
            taken={(code) => hasValue(draft.values, code)}
            onAdd={(entry) => {
              change({ ...draft, values: addValue(draft.values, entry) });
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}

/** One picklist of a country: its name and values in every language, their order, and which are offered. */
export function PicklistEditorPage() {
  const { t } = useTranslation();
  const { listId } = useParams({ from: '/signed-in/admin/picklists/$listId' });
  const lookups = useLookupLists();
  return (
    <QueryState query={lookups}>
      {(data) => {
        const list = data.items.find((item) => item.id === listId);
        if (!list) return <Alert color="orange">{t('configuration.picklist.notFound')}</Alert>;
        return (
          <PicklistEditor
            key={list.id}
            list={list}
            reload={async () => (await lookups.refetch()).data?.items.find((item) => item.id === listId)}
          />
        );
      }}
    </QueryState>
  );
}
