import {
  ActionIcon,
  Badge,
  Button,
  Drawer,
  Group,
  MultiSelect,
  Popover,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  AGE_GROUPS,
  CASE_SCOPES,
  CASE_SORTS,
  CASE_STAGES,
  CASE_STATUSES,
  type CaseSummary,
  EXPLOITATION_TYPES,
  type SavedCaseFilter,
  TRAFFICKING_STATUSES,
} from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormattedDate } from '../../components/FormattedDate';
import { GuardedModal } from '../../components/GuardedModal';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { RouterButton } from '../../components/RouterLinks';
import { SearchField } from '../../components/SearchField';
import { CardListSkeleton, TableSkeleton } from '../../components/Skeletons';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { usePhoneLayout } from '../../lib/usePhoneLayout';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { useCountryOptions } from '../countries/useCountries';
import { CASE_PAGE_SIZE } from './api';
import { CaseStatusBadge, TraffickingStatusBadge } from './CaseBadges';
import { CaseCards } from './CaseCards';
import { CaseReferenceCell } from './CaseReferenceCell';
import { useCaseFacts } from './caseFacts';
import {
  activeFilterCount,
  type CaseListSearch,
  filterQueryOf,
  hasFilters,
  joinList,
  narrowCaseListSearch,
  splitList,
  validateCaseListSearch,
} from './caseListSearch';
import { useCases, useDeleteSavedFilter, useSavedFilters, useSaveFilter } from './queries';

type SortableColumn = 'reference' | 'openedAt' | 'updatedAt' | 'identificationDueOn';

/** The direction a column sorts in first: dates newest first, except deadlines, which are soonest first. */
const FIRST_DIRECTION: Record<SortableColumn, 'asc' | 'desc'> = {
  reference: 'asc',
  openedAt: 'desc',
  updatedAt: 'desc',
  identificationDueOn: 'asc',
};

type CaseSort = (typeof CASE_SORTS)[number];
type CaseScope = (typeof CASE_SCOPES)[number];

const DEFAULT_SORT: CaseSort = '-updatedAt';

/** Own work first: the tabs read "My cases", "Team cases", "All". */
const SCOPE_TABS = ['mine', 'team', 'all'] as const satisfies readonly CaseScope[];

function sortState(sort: CaseSort, column: SortableColumn): 'asc' | 'desc' | null {
  if (sort === column) return 'asc';
  if (sort === `-${column}`) return 'desc';
  return null;
}

function nextSort(sort: CaseSort, column: SortableColumn): CaseSort {
  const current = sortState(sort, column);
  const direction = current ? (current === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[column];
  return direction === 'asc' ? column : `-${column}`;
}

interface SortHeaderProps {
  column: SortableColumn;
  label: string;
  sort: CaseSort;
  onSort: (sort: CaseSort) => void;
}

function SortHeader({ column, label, sort, onSort }: SortHeaderProps) {
  const { t } = useTranslation();
  const state = sortState(sort, column);
  const next = nextSort(sort, column);
  return (
    <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" title={t(`caseload.sort.${next}`)}>
      {label}
      <span aria-hidden="true">{state === 'asc' ? '\u00a0▲' : state === 'desc' ? '\u00a0▼' : '\u00a0↕'}</span>
      {state && <VisuallyHidden>{t('caseload.sortedBy', { order: t(`caseload.sort.${sort}`) })}</VisuallyHidden>}
    </UnstyledButton>
  );
}

interface CaseFiltersProps {
  search: CaseListSearch;
  onChange: (patch: Partial<CaseListSearch>) => void;
  onClear: () => void;
  /** One filter under the other at full width, as in the phone's filter drawer. */
  stacked?: boolean;
}

function CaseFilters({ search, onChange, onClear, stacked = false }: CaseFiltersProps) {
  const { t } = useTranslation();
  const countryOptions = useCountryOptions();
  const multi = (key: 'status' | 'stage' | 'traffickingStatus' | 'exploitation' | 'nationality') => ({
    value: splitList(search[key]),
    onChange: (values: string[]) => onChange({ [key]: joinList(values) }),
    placeholder: search[key] ? undefined : t('caseload.filters.any'),
    clearable: true,
    w: stacked ? undefined : 220,
  });
  const Layout = stacked ? Stack : Group;
  return (
    <Layout align={stacked ? 'stretch' : 'flex-end'} wrap="wrap" gap="sm">
      <SearchField
        label={t('caseload.filters.search')}
        placeholder={t('caseload.filters.searchPlaceholder')}
        value={search.q}
        onSearch={(q) => onChange({ q })}
      />
      <MultiSelect
        label={t('caseload.fields.status')}
        data={CASE_STATUSES.map((status) => ({ value: status, label: t(`caseStatus.${status}`) }))}
        {...multi('status')}
      />
      <MultiSelect
        label={t('caseload.fields.stage')}
        data={CASE_STAGES.map((stage) => ({ value: stage, label: t(`vocab.caseStage.${stage}`) }))}
        {...multi('stage')}
      />
      <MultiSelect
        label={t('caseload.fields.traffickingStatus')}
        data={TRAFFICKING_STATUSES.map((status) => ({ value: status, label: t(`traffickingStatus.${status}`) }))}
        {...multi('traffickingStatus')}
      />
      <MultiSelect
        label={t('caseload.fields.exploitation')}
        data={EXPLOITATION_TYPES.map((type) => ({ value: type, label: t(`vocab.exploitationType.${type}`) }))}
        searchable
        {...multi('exploitation')}
      />
      <MultiSelect label={t('caseload.fields.citizenship')} data={countryOptions} searchable {...multi('nationality')} />
      <Select
        label={t('caseload.filters.ageGroup')}
        placeholder={t('caseload.filters.any')}
        data={AGE_GROUPS.map((group) => ({ value: group, label: t(`caseload.ageGroup.${group}`) }))}
        value={search.ageGroup ?? null}
        onChange={(group) => onChange({ ageGroup: oneOf(group, AGE_GROUPS) })}
        clearable
        w={stacked ? undefined : 180}
      />
      <Select
        label={t('caseload.filters.overdue')}
        placeholder={t('caseload.filters.any')}
        data={[
          { value: 'true', label: t('caseload.filters.overdueOnly') },
          { value: 'false', label: t('caseload.filters.notOverdue') },
        ]}
        value={search.overdue === undefined ? null : String(search.overdue)}
        onChange={(overdue) => onChange({ overdue: overdue === null ? undefined : overdue === 'true' })}
        clearable
        w={stacked ? undefined : 200}
      />
      {hasFilters(search) && (
        <Button variant="subtle" onClick={onClear}>
          {t('caseload.filters.clear')}
        </Button>
      )}
    </Layout>
  );
}

interface FilterDrawerProps {
  search: CaseListSearch;
  onChange: (patch: Partial<CaseListSearch>) => void;
  onClear: () => void;
  onApplySaved: (filter: SavedCaseFilter) => void;
}

/** On a phone the filters wait behind one button, so the first case is on screen without scrolling. */
function FilterDrawer({ search, onChange, onClear, onApplySaved }: FilterDrawerProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const count = activeFilterCount(search);
  return (
    <>
      <Button variant={count > 0 ? 'light' : 'default'} onClick={open} aria-expanded={opened} aria-haspopup="dialog">
        {t('layout.filters', { count })}
      </Button>
      <Drawer opened={opened} onClose={close} title={t('layout.filtersTitle')} position="bottom" size="90%">
        <Stack>
          <CaseFilters search={search} onChange={onChange} onClear={onClear} stacked />
          <SavedFilters
            search={search}
            onApply={(filter) => {
              onApplySaved(filter);
              close();
            }}
          />
          <Button onClick={close}>{t('layout.showResults')}</Button>
        </Stack>
      </Drawer>
    </>
  );
}

const sameQuery = (a: Record<string, unknown>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([key, value]) => a[key] === value);

function SaveFilterForm({ query, onDone }: { query: Record<string, string>; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveFilter();
  const { values, setField, draft } = useDraftForm({ name: '' }, { form: 'saved-case-filter', record: 'new' });
  const cancel = useGuardedCancel(onDone);
  const [missingName, setMissingName] = useState(false);
  const errors = useFieldErrors(missingName ? [{ path: 'name', code: 'too_small', message: '' }] : [], save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = values.name.trim();
    setMissingName(trimmed === '');
    if (trimmed) save.mutate({ name: trimmed, query }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <TextInput
          label={t('caseload.savedFilters.name')}
          description={t('caseload.savedFilters.nameDescription')}
          value={values.name}
          onChange={(event) => setField('name', event.currentTarget.value)}
          error={errors.name}
          maxLength={100}
          required
          data-autofocus
        />
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('caseload.savedFilters.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SaveFilterModal({ opened, query, onClose }: { opened: boolean; query: Record<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('caseload.savedFilters.saveTitle')}>
      {opened && <SaveFilterForm query={query} onDone={onClose} />}
    </GuardedModal>
  );
}

interface SavedFiltersProps {
  search: CaseListSearch;
  onApply: (filter: SavedCaseFilter) => void;
}

/** The reader's own named views of the caseload: save the current one, apply or delete earlier ones. */
function SavedFilters({ search, onApply }: SavedFiltersProps) {
  const { t } = useTranslation();
  const saved = useSavedFilters();
  const remove = useDeleteSavedFilter();
  const [saving, setSaving] = useState(false);
  const [opened, setOpened] = useState(false);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const current = filterQueryOf(search);
  const filters = saved.data?.items ?? [];
  const active = filters.find((filter) => sameQuery(filter.query, current));
  return (
    <Group gap="sm">
      {active && (
        <Badge variant="light" size="lg">
          {t('caseload.savedFilters.applied', { name: active.name })}
        </Badge>
      )}
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md">
        <Popover.Target>
          <Button variant="default" onClick={() => setOpened((open) => !open)} aria-expanded={opened}>
            {t('caseload.savedFilters.title', { count: filters.length })}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            {saved.isError && <ProblemAlert error={saved.error} />}
            {filters.length === 0 && !saved.isError && (
              <Text size="sm" c="dimmed">
                {t('caseload.savedFilters.empty')}
              </Text>
            )}
            {filters.map((filter) => (
              <Group key={filter.id} justify="space-between" wrap="nowrap" gap="xs">
                <UnstyledButton
                  onClick={() => {
                    onApply(filter);
                    setOpened(false);
                  }}
                  fz="sm"
                  fw={filter === active ? 700 : 400}
                  style={{ flex: 1 }}
                >
                  {filter.name}
                </UnstyledButton>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => setDeleting(filter)}
                  loading={remove.isPending && remove.variables === filter.id}
                  aria-label={t('caseload.savedFilters.delete', { name: filter.name })}
                >
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            ))}
            <ProblemAlert error={remove.error} />
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Button variant="light" onClick={() => setSaving(true)} disabled={Object.keys(current).length === 0}>
        {t('caseload.savedFilters.saveCurrent')}
      </Button>
      <SaveFilterModal opened={saving} query={current} onClose={() => setSaving(false)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('confirm.savedFilterRemove.title', { name: deleting?.name ?? '' })}
        message={t('confirm.savedFilterRemove.text')}
        confirmLabel={t('confirm.savedFilterRemove.action')}
        cancelLabel={t('confirm.back')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id);
          setDeleting(null);
        }}
      />
    </Group>
  );
}

function CaseRow({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const facts = useCaseFacts(summary);
  return (
    <Table.Tr>
      <CaseReferenceCell summary={summary} />
      <Table.Td>
        {/* The server already chose between the name and a pseudonym for this reader. */}
        <Text size="sm">{summary.displayName}</Text>
        <Text size="xs" c="dimmed">
          {facts}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <CaseStatusBadge status={summary.status} />
          <TraffickingStatusBadge status={summary.traffickingStatus} />
          <Text size="xs" c="dimmed">
            {t(`vocab.caseStage.${summary.stage}`)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{summary.exploitationTypes.map((type) => t(`vocab.exploitationType.${type}`)).join(', ')}</Text>
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" lineClamp={2} title={summary.ownerAgencyName}>
          {summary.ownerAgencyName}
        </Text>
        {summary.ownerUserName && (
          <Text size="xs" c="dimmed">
            {summary.ownerUserName}
          </Text>
        )}
        {summary.involvement !== 'owner' && (
          <Text size="xs" c="dimmed">
            {t(`caseload.involvement.${summary.involvement}`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <FormattedDate value={summary.identificationDueOn} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <FormattedDate value={summary.openedAt} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <FormattedDate value={summary.updatedAt} />
      </Table.Td>
    </Table.Tr>
  );
}

export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = narrowCaseListSearch(useSearch({ from: '/signed-in/cases' }));
  const navigate = useNavigate({ from: '/cases' });
  const cases = useCases(search);
  const scope = oneOf(search.scope, CASE_SCOPES) ?? 'all';
  const sort = oneOf(search.sort, CASE_SORTS) ?? DEFAULT_SORT;
  const phone = usePhoneLayout();

  const change = (patch: Partial<CaseListSearch>) => navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }) });
  const sortHeader = (column: SortableColumn, label: string) => (
    <SortHeader column={column} label={label} sort={sort} onSort={(next) => change({ sort: next })} />
  );

  const clear = () => navigate({ search: { scope: search.scope, sort: search.sort } });
  const applySaved = (filter: SavedCaseFilter) => navigate({ search: narrowCaseListSearch(validateCaseListSearch(filter.query)) });
  const empty = hasFilters(search) ? t('caseload.emptyFiltered') : t('caseload.empty');
  const changePage = (next: number) => navigate({ search: (previous) => ({ ...previous, page: next }) });

  const list = phone ? (
    <Stack gap="sm">
      <FilterDrawer search={search} onChange={change} onClear={clear} onApplySaved={applySaved} />
      <QueryState query={cases} loading={<CardListSkeleton />}>
        {(result) => (
          <CaseCards result={result} empty={empty} page={search.page ?? 1} pageSize={CASE_PAGE_SIZE} onPageChange={changePage} />
        )}
      </QueryState>
    </Stack>
  ) : (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <CaseFilters search={search} onChange={change} onClear={clear} />
        <SavedFilters search={search} onApply={applySaved} />
      </Group>
      <QueryState query={cases} loading={<TableSkeleton />}>
        {(result) => (
          <PagedTable
            result={result}
            columns={[
              sortHeader('reference', t('caseload.fields.reference')),
              t('caseload.fields.name'),
              t('caseload.fields.situation'),
              t('caseload.fields.exploitation'),
              t('caseload.fields.responsible'),
              sortHeader('identificationDueOn', t('caseload.fields.identificationDueOn')),
              sortHeader('openedAt', t('caseload.fields.openedAt')),
              sortHeader('updatedAt', t('caseload.fields.updatedAt')),
            ]}
            renderRow={(summary) => <CaseRow key={summary.id} summary={summary} />}
            empty={empty}
            page={search.page ?? 1}
            pageSize={CASE_PAGE_SIZE}
            onPageChange={changePage}
            minWidth={1100}
          />
        )}
      </QueryState>
    </Stack>
  );

  return (
    <>
      <PageHeader
        title={t('caseload.title')}
        actions={
          <>
            {me.pseudonymMode && (
              <Badge variant="light" color="grape" size="lg">
                {t('caseload.pseudonymsShown')}
              </Badge>
            )}
            {hasPermission(me, 'case:create') && <RouterButton to="/cases/new">{t('caseload.newIntake')}</RouterButton>}
          </>
        }
      />
      {phone ? (
        <>
          {/* Tabs of full names wrap onto two lines in Thai at 360 px; short names in one control fit every language. */}
          <SegmentedControl
            fullWidth
            mb="md"
            aria-label={t('caseload.scopeLabel')}
            data-testid="case-scope"
            value={scope}
            onChange={(value) => change({ scope: oneOf(value, CASE_SCOPES) })}
            data={SCOPE_TABS.map((value) => ({ value, label: t(`caseload.scopeShort.${value}`) }))}
          />
          {list}
        </>
      ) : (
        <Tabs value={scope} onChange={(value) => change({ scope: oneOf(value, CASE_SCOPES) })} keepMounted={false}>
          <Tabs.List mb="md">
            {SCOPE_TABS.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`caseload.scope.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {SCOPE_TABS.map((value) => (
            <Tabs.Panel key={value} value={value}>
              {list}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}
