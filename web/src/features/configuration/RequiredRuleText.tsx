import type { FormDefinition, FormField, LookupList } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { localised } from '../forms/configuredForm';
import { findField } from './formDraft';

interface RequiredRuleTextProps {
  field: FormField;
  definition: FormDefinition;
  lists: readonly LookupList[];
}

/** "Optional", "Required", or "Required when ‘Status’ is ‘Thai national’", in the reader's language. */
export function RequiredRuleText({ field, definition, lists }: RequiredRuleTextProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rule = field.required;
  if (rule === undefined || rule === false) return <>{t('configuration.required.optional')}</>;
  if (rule === true) return <>{t('configuration.required.always')}</>;
  const dependency = findField(definition, rule.when.field)?.field;
  const { equals } = rule.when;
  let value = String(equals);
  if (typeof equals === 'boolean') value = equals ? t('common.yes') : t('common.no');
  else if (dependency?.lookup) {
    const entry = lists.find((list) => list.key === dependency.lookup)?.values.find((candidate) => candidate.value === equals);
    if (entry) value = localised(entry.labels, locale);
  }
  return (
    <>
      {t('configuration.required.when', {
        field: dependency ? localised(dependency.labels, locale) : rule.when.field,
        value,
      })}
    </>
  );
}
