import { Badge, Group, Select, Stack, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { FORM_KINDS } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { FormattedDate } from '../../components/FormattedDate';
import { FormattedNumber } from '../../components/FormattedNumber';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterButton } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { useMe } from '../auth/MeContext';
import { useCountryName } from '../countries/useCountries';
import { localised } from '../forms/configuredForm';
import type { FormConfiguration, StoredLookupList } from './api';
import { CONFIGURATION_TABS, type ConfigurationTab } from './configurationSearch';
import { FormScope } from './FormScope';
import { useFormConfigurations, useLookupLists } from './queries';

function FormsTable({ items }: { items: FormConfiguration[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('configuration.overview.noForms')}</Text>;
  const ordered = [...items].sort(
    (a, b) => FORM_KINDS.indexOf(a.form) - FORM_KINDS.indexOf(b.form) || Number(a.agencyId !== null) - Number(b.agencyId !== null),
  );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('configuration.overview.columns.form')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.scope')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.groups')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.fields')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.version')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.updated')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((item) => {
            const name = t(`configuration.formKind.${item.form}`);
            return (
              <Table.Tr key={item.id}>
                <Table.Td fw={700}>{name}</Table.Td>
                <Table.Td>
                  <FormScope agencyId={item.agencyId} />
                </Table.Td>
                <Table.Td>
                  <FormattedNumber value={item.definition.groups.length} />
                </Table.Td>
                <Table.Td>
                  <FormattedNumber value={item.definition.groups.reduce((total, group) => total + group.fields.length, 0)} />
                </Table.Td>
                <Table.Td>
                  <FormattedNumber value={item.version} />
                </Table.Td>
                <Table.Td>
                  <FormattedDate value={item.updatedAt} withTime />
                </Table.Td>
                <Table.Td>
                  <RouterButton size="compact-sm" variant="subtle" to="/admin/forms/$formId" params={{ formId: item.id }}>
                    <ActionLabel label={t('configuration.overview.open')} subject={name} />
                  </RouterButton>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PicklistsTable({ items, forms }: { items: StoredLookupList[]; forms: FormConfiguration[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <Text c="dimmed">{t('configuration.overview.noPicklists')}</Text>;
  const usedBy = (key: string) =>
    FORM_KINDS.filter((kind) =>
      forms.some(
        (form) => form.form === kind && form.definition.groups.some((group) => group.fields.some((field) => field.lookup === key)),
      ),
    );
  const ordered = [...items].sort((a, b) => localised(a.labels, locale).localeCompare(localised(b.labels, locale), locale));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('configuration.overview.columns.picklist')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.values')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.usedBy')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.version')}</Table.Th>
            <Table.Th>{t('configuration.overview.columns.updated')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((list) => {
            const name = localised(list.labels, locale);
            const inactive = list.values.filter((value) => value.active === false).length;
            const forms = usedBy(list.key);
            return (
              <Table.Tr key={list.id}>
                <Table.Td>
                  <Text size="sm" fw={700}>
                    {name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {list.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t('configuration.overview.valueCount', { active: list.values.length - inactive })}
                  {inactive > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('configuration.overview.inactiveCount', { inactive })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {forms.length ? (
                    <Group gap={4}>
                      {forms.map((kind) => (
                        <Badge key={kind} variant="light" color="gray">
                          {t(`configuration.formKind.${kind}`)}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('configuration.overview.unused')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <FormattedNumber value={list.version} />
                </Table.Td>
                <Table.Td>
                  <FormattedDate value={list.updatedAt} withTime />
                </Table.Td>
                <Table.Td>
                  <RouterButton size="compact-sm" variant="subtle" to="/admin/picklists/$listId" params={{ listId: list.id }}>
                    <ActionLabel label={t('common.edit')} subject={name} />
                  </RouterButton>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each country's configured forms and the picklists they draw on, with links to edit them. */
export function FormsAndPicklistsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/signed-in/admin/forms' });
  const navigate = useNavigate({ from: '/admin/forms' });
  const forms = useFormConfigurations();
  const lookups = useLookupLists();
  const countryName = useCountryName();

  const countries = useMemo(() => {
    const codes = new Set([...(forms.data?.items ?? []), ...(lookups.data?.items ?? [])].map((item) => item.countryCode));
    return [...codes].sort();
  }, [forms.data, lookups.data]);
  const country = search.country ?? (countries.includes(me.agency.countryCode) ? me.agency.countryCode : countries[0]);
  const tab: ConfigurationTab = search.tab ?? 'forms';
  const countryForms = (forms.data?.items ?? []).filter((item) => item.countryCode === country);

  return (
    <>
      <PageHeader title={t('configuration.overview.title')} description={t('configuration.overview.description')} />
      <Stack gap="lg">
        <Select
          label={t('configuration.overview.country')}
          data={countries.map((code) => ({ value: code, label: countryName(code) }))}
          value={country ?? null}
          onChange={(next) => next && navigate({ search: (previous) => ({ ...previous, country: next }) })}
          allowDeselect={false}
          maw={320}
        />
        <Tabs
          value={tab}
          onChange={(next) => {
            const chosen = CONFIGURATION_TABS.find((candidate) => candidate === next);
            if (chosen) navigate({ search: (previous) => ({ ...previous, tab: chosen }) });
          }}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="forms">{t('configuration.overview.tabs.forms')}</Tabs.Tab>
            <Tabs.Tab value="picklists">{t('configuration.overview.tabs.picklists')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="forms">
            <QueryState query={forms}>{() => <FormsTable items={countryForms} />}</QueryState>
          </Tabs.Panel>
          <Tabs.Panel value="picklists">
            <QueryState query={lookups}>
              {(data) => <PicklistsTable items={data.items.filter((list) => list.countryCode === country)} forms={countryForms} />}
            </QueryState>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
