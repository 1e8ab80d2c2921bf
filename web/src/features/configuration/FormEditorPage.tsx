import { ActionIcon, Alert, Badge, Button, Card, Group, List, Stack, Table, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import {
  CASE_SECTIONS,
  type FieldError,
  type FormDefinition,
  type FormField,
  formDefinitionSchema,
  type LookupList,
} from '@seamless/contracts';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { ActionLabel } from '../../components/ActionLabel';
import { FormattedDate } from '../../components/FormattedDate';
import { LeaveDialog } from '../../components/LeaveDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { fieldErrorMessage } from '../../lib/fieldErrorMessage';
import { useLeaveGuard } from '../../lib/useLeaveGuard';
import { validate } from '../../lib/validation';
import { useCountryName } from '../countries/useCountries';
import { ConfiguredFields } from '../forms/ConfiguredFields';
import { checkFormAnswers, type FormAnswers, localised } from '../forms/configuredForm';
import type { FormConfiguration } from './api';
import { DraftActions } from './DraftActions';
import { FieldFormModal, type FieldTarget } from './FieldFormModal';
import { FormScope } from './FormScope';
import {
  addField,
  allFields,
  dependentsOf,
  fieldAtPath,
  findField,
  moveField,
  removeField,
  renameGroup,
  replaceField,
  sameDefinition,
  withFieldsAddedElsewhere,
} from './formDraft';
import { LabelsModal } from './LabelsModal';
import { useFormConfigurations, useLookupLists, useSaveForm } from './queries';
import { RequiredRuleText } from './RequiredRuleText';
import { SaveProblem } from './SaveProblem';

/** Field errors of the definition, named by the field they concern, for one list above the groups. */
function useDefinitionProblems(definition: FormDefinition, errors: readonly FieldError[]): string[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return errors.map((error) => {
    const field = fieldAtPath(definition, error.path.replace(/^definition\./, ''));
    const message = fieldErrorMessage(t, error) ?? error.message;
    return field ? t('configuration.formEditor.fieldProblem', { label: localised(field.labels, locale), message }) : message;
  });
}

interface GroupTableProps {
  definition: FormDefinition;
  groupIndex: number;
  lists: readonly LookupList[];
  unsavedKeys: ReadonlySet<string>;
  onEdit: (field: FormField) => void;
  onMove: (field: FormField, delta: -1 | 1) => void;
  onRemove: (field: FormField) => void;
}

function GroupTable({ definition, groupIndex, lists, unsavedKeys, onEdit, onMove, onRemove }: GroupTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const group = definition.groups[groupIndex];
  if (!group) return null;
  return (
    <Table.ScrollContainer minWidth={860}>
      {/* Fixed columns line the groups' tables up under each other. */}
      <Table verticalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('configuration.formEditor.columns.order')}</Table.Th>
            <Table.Th>{t('configuration.formEditor.columns.label')}</Table.Th>
            <Table.Th w={190}>{t('configuration.formEditor.columns.type')}</Table.Th>
            <Table.Th w={130}>{t('configuration.formEditor.columns.section')}</Table.Th>
            <Table.Th w={260}>{t('configuration.formEditor.columns.required')}</Table.Th>
            <Table.Th w={150}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.fields.map((field, index) => {
            const label = localised(field.labels, locale);
            const list = field.lookup ? lists.find((candidate) => candidate.key === field.lookup) : undefined;
            return (
              <Table.Tr key={field.key}>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      disabled={index === 0}
                      onClick={() => onMove(field, -1)}
                      aria-label={t('configuration.moveUp', { label })}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={index === group.fields.length - 1}
                      onClick={() => onMove(field, 1)}
                      aria-label={t('configuration.moveDown', { label })}
                    >
                      ↓
                    </ActionIcon>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                    {unsavedKeys.has(field.key) && (
                      <Badge size="xs" variant="outline" color="blue">
                        {t('configuration.draft.new')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {field.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`configuration.fieldType.${field.type}`)}</Text>
                  {list && (
                    <Text size="xs" c="dimmed">
                      {t('configuration.formEditor.fromList', { list: localised(list.labels, locale) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={field.section === 'general' ? 'gray' : 'grape'}>
                    {t(`configuration.section.${field.section}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <RequiredRuleText field={field} definition={definition} lists={lists} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => onEdit(field)}>
                      <ActionLabel label={t('common.edit')} subject={label} />
                    </Button>
                    {unsavedKeys.has(field.key) && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => onRemove(field)}
                        disabled={dependentsOf(definition, field.key).length > 0 || group.fields.length === 1}
                      >
                        <ActionLabel label={t('configuration.formEditor.remove')} subject={label} />
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The form as users will see it, filled in freely and checked as the server would; nothing is saved. */
function FormPreview({ definition, lists }: { definition: FormDefinition; lists: LookupList[] }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<FormAnswers>({});
  const [checked, setChecked] = useState(false);
  const form = { definition, lookups: lists };
  const issues = checked ? checkFormAnswers(form, answers, CASE_SECTIONS) : [];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('configuration.formEditor.previewHint')}
      </Text>
      <ConfiguredFields form={form} sections={CASE_SECTIONS} value={answers} onChange={setAnswers} issues={issues} />
      <Group>
        <Button variant="light" onClick={() => setChecked(true)}>
          {t('configuration.formEditor.previewCheck')}
        </Button>
        {checked && issues.length === 0 && (
          <Text size="sm" c="teal.8" role="status">
            {t('configuration.formEditor.previewValid')}
          </Text>
        )}
        <Button
          variant="subtle"
          onClick={() => {
            setAnswers({});
            setChecked(false);
          }}
        >
          {t('configuration.formEditor.previewClear')}
        </Button>
      </Group>
    </Stack>
  );
}

interface FormEditorProps {
  configuration: FormConfiguration;
  lists: LookupList[];
  /** Reads the forms again after someone else saved this one; answers it as now stored. */
  reload: () => Promise<FormConfiguration | undefined>;
}

type GroupTarget = { groupKey: string } | null;

function FormEditor({ configuration, lists, reload }: FormEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryName = useCountryName();
  // The stored version the draft started from: saving against it tells whether someone else saved since.
  const [base, setBase] = useState(configuration);
  const [draft, setDraft] = useState<FormDefinition>(configuration.definition);
  const [fieldTarget, setFieldTarget] = useState<FieldTarget | null>(null);
  const [groupTarget, setGroupTarget] = useState<GroupTarget>(null);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [reloading, setReloading] = useState(false);
  const save = useSaveForm(configuration);
  const dirty = !sameDefinition(draft, base.definition);
  const leave = useLeaveGuard(() => dirty);
  const savedKeys = new Set(allFields(base.definition).map((field) => field.key));
  const unsavedKeys = new Set(allFields(draft).flatMap((field) => (savedKeys.has(field.key) ? [] : [field.key])));
  const serverErrors = save.error instanceof ApiProblem ? save.error.errors : [];
  const problems = useDefinitionProblems(draft, [...clientErrors, ...serverErrors]);
  const formName = t(`configuration.formKind.${configuration.form}`);
  const change = (next: FormDefinition) => {
    setDraft(next);
    setSavedVersion(null);
  };

  const submit = () => {
    const checked = validate(formDefinitionSchema, draft);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) return;
    save.mutate(
      { definition: checked.data, agencyId: base.agencyId, version: base.version },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setDraft(saved.definition);
          setSavedVersion(saved.version);
        },
      },
    );
  };

  const reloadAfterConflict = async () => {
    setReloading(true);
    try {
      const stored = await reload();
      if (stored) {
        setBase(stored);
        setDraft((current) => withFieldsAddedElsewhere(current, stored.definition));
      }
      save.reset();
    } finally {
      setReloading(false);
    }
  };

  const renamedGroup = groupTarget ? draft.groups.find((group) => group.key === groupTarget.groupKey) : undefined;

  return (
    <>
      <LeaveDialog guard={leave} kept={false} />
      <RouterAnchor to="/admin/forms" search={{ country: configuration.countryCode, tab: 'forms' }} size="sm">
        {t('configuration.back')}
      </RouterAnchor>
      <PageHeader
        title={t('configuration.formEditor.title', { form: formName, country: countryName(configuration.countryCode) })}
        description={t('configuration.formEditor.description')}
      />
      <Group gap="lg" mb="md">
        <Text size="sm">
          {t('configuration.formEditor.appliesTo')}: <FormScope agencyId={configuration.agencyId} />
        </Text>
        <Text size="sm">
          {t('configuration.version', { version: base.version })} · <FormattedDate value={base.updatedAt} withTime />
        </Text>
      </Group>
      <Tabs defaultValue="fields" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="fields">{t('configuration.formEditor.tabs.fields')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('configuration.formEditor.tabs.preview')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fields">
          <Stack gap="lg">
            {problems.length > 0 && (
              <Alert color="red" variant="light" role="alert" title={t('problem.validation_failed')}>
                <List size="sm">
                  {problems.map((problem) => (
                    <List.Item key={problem}>{problem}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {draft.groups.map((group, groupIndex) => {
              const groupLabel = localised(group.labels, locale);
              return (
                <Card key={group.key} withBorder padding="md" radius="md">
                  <Group justify="space-between" mb="sm">
                    <div>
                      <Title order={2} size="h4">
                        {groupLabel}
                      </Title>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {group.key}
                      </Text>
                    </div>
                    <Group gap="xs">
                      <Button size="compact-sm" variant="default" onClick={() => setGroupTarget({ groupKey: group.key })}>
                        <ActionLabel label={t('configuration.formEditor.renameGroup')} subject={groupLabel} />
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setFieldTarget({ groupKey: group.key, groupLabel, field: null })}
                      >
                        <ActionLabel label={t('configuration.formEditor.addField')} subject={groupLabel} />
                      </Button>
                    </Group>
                  </Group>
                  <GroupTable
                    definition={draft}
                    groupIndex={groupIndex}
                    lists={lists}
                    unsavedKeys={unsavedKeys}
                    onEdit={(field) => setFieldTarget({ groupKey: group.key, groupLabel, field })}
                    onMove={(field, delta) => change(moveField(draft, field.key, delta))}
                    onRemove={(field) => change(removeField(draft, field.key))}
                  />
                </Card>
              );
            })}
            <SaveProblem error={save.error} onReload={reloadAfterConflict} reloading={reloading} />
            <DraftActions
              dirty={dirty}
              saving={save.isPending}
              savedVersion={savedVersion}
              onDiscard={() => {
                setDraft(base.definition);
                setClientErrors([]);
                save.reset();
              }}
              onSave={submit}
              saveLabel={t('configuration.formEditor.save')}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <FormPreview definition={draft} lists={lists} />
        </Tabs.Panel>
      </Tabs>
      <FieldFormModal
        target={fieldTarget}
        definition={draft}
        lists={lists}
        onApply={(target, field) =>
          change(
            target.field && findField(draft, target.field.key)
              ? replaceField(draft, target.field.key, field)
              : addField(draft, target.groupKey, field),
          )
        }
        onClose={() => setFieldTarget(null)}
      />
      <LabelsModal
        labels={renamedGroup ? renamedGroup.labels : null}
        title={t('configuration.formEditor.renameGroupOf', { group: renamedGroup ? localised(renamedGroup.labels, locale) : '' })}
        legend={t('configuration.formEditor.groupName')}
        draftRecord={`${draft.form}:group:${renamedGroup?.key ?? ''}`}
        onApply={(labels) => renamedGroup && change(renameGroup(draft, renamedGroup.key, labels))}
        onClose={() => setGroupTarget(null)}
      />
    </>
  );
}

/** One configured form: its groups and fields in every language, editable, and a preview of it. */
export function FormEditorPage() {
  const { t } = useTranslation();
  const { formId } = useParams({ from: '/signed-in/admin/forms/$formId' });
  const forms = useFormConfigurations();
  const lookups = useLookupLists();
  return (
    <QueryState query={forms}>
      {(data) => {
        const configuration = data.items.find((item) => item.id === formId);
        if (!configuration) return <Alert color="orange">{t('configuration.formEditor.notFound')}</Alert>;
        return (
          <QueryState query={lookups}>
            {(lists) => (
              <FormEditor
                key={configuration.id}
                configuration={configuration}
                lists={lists.items.filter((list) => list.countryCode === configuration.countryCode)}
                reload={async () => {
                  const [latest] = await Promise.all([forms.refetch(), lookups.refetch()]);
                  return latest.data?.items.find((item) => item.id === formId);
                }}
              />
            )}
          </QueryState>
        );
      }}
    </QueryState>
  );
}
