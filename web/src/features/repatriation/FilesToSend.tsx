import { Checkbox, Stack, Text } from '@mantine/core';
import type { Attachment, CaseSection } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatBytes } from '../caseRecord/notes/files';

/** Files the request can carry: only those filed under a section it sends (a general file never crosses). */
export const sendableFiles = (files: readonly Attachment[], sections: readonly CaseSection[]) =>
  files.filter((file) => (sections as readonly string[]).includes(file.section));

/**
 * The case's files to send with the request (identity papers, the identification certificate),
 * each said with its section, so nothing goes that the consent does not cover.
 */
export function FilesToSend({
  files,
  value,
  onChange,
  error,
}: {
  files: readonly Attachment[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Checkbox.Group
      label={t('repatriation.request.files')}
      description={t('repatriation.request.filesHint')}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('repatriation.request.noFiles')}
          </Text>
        ) : (
          files.map((file) => (
            <Checkbox
              key={file.id}
              value={file.id}
              label={file.fileName}
              description={`${t(`caseRecord.section.${file.section}`)} · ${formatBytes(file.sizeBytes, locale)}`}
            />
          ))
        )}
      </Stack>
    </Checkbox.Group>
  );
}
