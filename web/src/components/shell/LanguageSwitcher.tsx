import { Select } from '@mantine/core';
import { isLocale, SUPPORTED_LOCALES } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useChangeLocale } from '../../features/auth/mutations';
import { useLocale } from '../../i18n/useLocale';

/**
 * Every catalogue names each language in that language's own script, so a reader finds theirs
 * whatever language is showing now.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const changeLocale = useChangeLocale();
  const options = SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }));
  return (
    <Select
      aria-label={t('shell.language')}
      data={options}
      value={locale}
      onChange={(value) => {
        if (isLocale(value)) void changeLocale(value);
      }}
      allowDeselect={false}
      w={{ base: 112, sm: 150 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
