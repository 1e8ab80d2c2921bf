import { Button, Card, FileInput, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  type Attachment,
  type CaseDetail,
  RECORD_SECTIONS,
  type RecordSection,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { QueryState } from '../../../components/QueryState';
import { useLocale } from '../../../i18n/useLocale';
import { oneOf } from '../../../lib/oneOf';
import { caseRecordApi } from '../api';
import { SectionBadge } from '../common/SectionBadge';
import { writableSections } from '../common/sections';
import { useAttachments, useDownload, useUploadAttachment } from '../queries';
import { fileProblem, formatBytes } from './files';

function UploadForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [section, setSection] = useState<RecordSection>('general');
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useUploadAttachment(detail.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = fileProblem(file);
    setFileError(
      problem === 'missing'
        ? t('caseRecord.files.missing')
        : problem === 'too_large'
          ? t('caseRecord.files.tooLarge', { size: formatBytes(ATTACHMENT_MAX_BYTES, locale) })
          : problem === 'type'
            ? t('caseRecord.files.wrongType')
            : null,
    );
    if (file && !problem) upload.mutate({ file, section }, { onSuccess: () => setFile(null) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" grow wrap="wrap">
          <FileInput
            label={t('caseRecord.files.file')}
            description={t('caseRecord.files.fileHint', { size: formatBytes(ATTACHMENT_MAX_BYTES, locale) })}
            placeholder={t('caseRecord.files.choose')}
            accept={ATTACHMENT_MEDIA_TYPES.join(',')}
            value={file}
            onChange={setFile}
            error={fileError}
            clearable
            required
          />
          <Select
            label={t('caseRecord.notes.section')}
            description={t('caseRecord.files.sectionHint')}
            data={writableSections(detail.abilities).map((value) => ({ value, label: t(`caseRecord.section.${value}`) }))}
            value={section}
            onChange={(value) => setSection(oneOf(value, RECORD_SECTIONS) ?? 'general')}
            allowDeselect={false}
          />
        </Group>
        <ProblemAlert error={upload.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={upload.isPending}>
            {t('caseRecord.files.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Documents and photos, stored encrypted; images lose their location data on the way in. */
export function AttachmentsCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const attachments = useAttachments(detail.id);
  const download = useDownload((attachment: Attachment) => caseRecordApi.downloadAttachment(detail.id, attachment));

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('caseRecord.files.title')}
      </Title>
      <Stack>
        {detail.abilities.comment && <UploadForm detail={detail} />}
        <QueryState query={attachments}>
          {({ items }) =>
            items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('caseRecord.files.empty')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('caseRecord.files.name')}</Table.Th>
                      <Table.Th>{t('caseRecord.notes.section')}</Table.Th>
                      <Table.Th>{t('caseRecord.files.uploadedBy')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            px={0}
                            onClick={() => download.mutate(item)}
                            loading={download.isPending && download.variables?.id === item.id}
                            aria-label={t('caseRecord.files.downloadNamed', { name: item.fileName })}
                          >
                            {item.fileName}
                          </Button>
                          <Text size="xs" c="dimmed">
                            {formatBytes(item.sizeBytes, locale)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <SectionBadge section={item.section} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {item.uploadedByName}{' '}
                            <Text span size="xs" c="dimmed">
                              {item.uploadedByAgencyName}
                            </Text>
                          </Text>
                          <Text size="xs" c="dimmed">
                            <FormattedDate value={item.createdAt} withTime />
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
        <ProblemAlert error={download.error} />
      </Stack>
    </Card>
  );
}
