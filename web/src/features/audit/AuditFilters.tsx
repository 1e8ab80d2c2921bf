import { Button, Group, Select, TextInput } from '@mantine/core';
import { AUDIT_ACTIONS } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { oneOf } from '../../lib/oneOf';
import { isoDateParam, textParam } from '../../lib/searchParams';
import { AUDIT_OUTCOMES, type AuditSearch } from './auditSearch';

interface AuditFiltersProps {
  value: AuditSearch;
  onChange: (filters: AuditSearch) => void;
}

export function AuditFilters({ value, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditSearch>) => onChange({ ...value, ...patch, page: undefined });
  const hasFilters = Boolean(value.action || value.outcome || value.resourceType || value.from || value.to);
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label={t('audit.filters.action')}
        placeholder={t('audit.filters.any')}
        data={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.action.${action}`) }))}
        value={value.action ?? null}
        onChange={(action) => set({ action: oneOf(action, AUDIT_ACTIONS) })}
        searchable
        clearable
        w={260}
      />
      <Select
        label={t('audit.filters.outcome')}
        placeholder={t('audit.filters.any')}
        data={AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcome.${outcome}`) }))}
        value={value.outcome ?? null}
        onChange={(outcome) => set({ outcome: oneOf(outcome, AUDIT_OUTCOMES) })}
        clearable
        w={180}
      />
      <TextInput
        label={t('audit.filters.resourceType')}
        placeholder={t('audit.filters.resourceTypePlaceholder')}
        defaultValue={value.resourceType ?? ''}
        key={value.resourceType ?? ''}
        onBlur={(event) => set({ resourceType: textParam(event.currentTarget.value, 40) })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') set({ resourceType: textParam(event.currentTarget.value, 40) });
        }}
        w={180}
      />
      <DateInput
        label={t('audit.filters.from')}
        value={value.from ?? ''}
        max={value.to}
        onChange={(from) => set({ from: isoDateParam(from) })}
      />
      <DateInput label={t('audit.filters.to')} value={value.to ?? ''} min={value.from} onChange={(to) => set({ to: isoDateParam(to) })} />
      {hasFilters && (
        <Button variant="subtle" onClick={() => onChange({})}>
          {t('audit.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
