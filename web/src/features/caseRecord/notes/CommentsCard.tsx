import { Button, Card, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { type CaseDetail, caseCommentInputSchema, type FieldError, RECORD_SECTIONS, type RecordSection } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { QueryState } from '../../../components/QueryState';
import { TablePager } from '../../../components/TablePager';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { COMMENT_PAGE_SIZE } from '../api';
import { SectionBadge } from '../common/SectionBadge';
import { writableSections } from '../common/sections';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useAddComment, useComments } from '../queries';

function CommentForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<RecordSection>('general');
  const [body, setBody] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const add = useAddComment(detail.id);
  const errors = useRecordFieldErrors(clientErrors, add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(caseCommentInputSchema, { section, body });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) add.mutate(checked.data, { onSuccess: () => setBody('') });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('caseRecord.notes.section')}
          description={t('caseRecord.notes.sectionHint')}
          data={writableSections(detail.abilities).map((value) => ({ value, label: t(`caseRecord.section.${value}`) }))}
          value={section}
          onChange={(value) => setSection(oneOf(value, RECORD_SECTIONS) ?? 'general')}
          error={errors.section}
          allowDeselect={false}
        />
        <Textarea
          label={t('caseRecord.notes.body')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={errors.body}
          autosize
          minRows={3}
          required
        />
        <ProblemAlert error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t('caseRecord.notes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** HTCDS `cco_`: notes on the case, each filed under the section whose readers may see it. */
export function CommentsCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const comments = useComments(detail.id, page);

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('caseRecord.notes.title')}
      </Title>
      <Stack>
        {detail.abilities.comment && <CommentForm detail={detail} />}
        <QueryState query={comments}>
          {(result) =>
            result.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('caseRecord.notes.empty')}
              </Text>
            ) : (
              <Stack gap="sm">
                {result.items.map((comment) => (
                  <Paper key={comment.id} withBorder p="sm">
                    <Group justify="space-between" mb={4}>
                      <Text size="sm" fw={600}>
                        {comment.authorName}{' '}
                        <Text span size="xs" c="dimmed">
                          {comment.authorAgencyName}
                        </Text>
                      </Text>
                      <Group gap="xs">
                        <SectionBadge section={comment.section} />
                        <Text size="xs" c="dimmed">
                          <FormattedDate value={comment.createdAt} withTime />
                        </Text>
                      </Group>
                    </Group>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {comment.body}
                    </Text>
                  </Paper>
                ))}
                <TablePager page={page} pageSize={COMMENT_PAGE_SIZE} total={result.total} onPageChange={setPage} />
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Card>
  );
}
