import { Table, Text, Title } from '@mantine/core';
import type { HtcdsIssue } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { issueMessage } from './issueWording';

interface IssueTableProps {
  title: string;
  empty: string;
  issues: readonly HtcdsIssue[];
  /** All issues of the kind, when the report lists only the first of them. */
  total?: number;
}

/** Errors or warnings of a report: where in the file, and what, in the reader's language. */
export function IssueTable({ title, empty, issues, total = issues.length }: IssueTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {issues.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <>
          {total > issues.length && (
            <Text size="sm" mb="xs">
              {t('htcdsExchange.report.firstErrors', { shown: issues.length, total })}
            </Text>
          )}
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={100}>{t('htcdsExchange.report.row')}</Table.Th>
                  <Table.Th w={220}>{t('htcdsExchange.report.column')}</Table.Th>
                  <Table.Th>{t('htcdsExchange.report.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {issues.map((issue, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and one cell may hold several; the list never reorders
                  <Table.Tr key={index}>
                    <Table.Td>{issue.row ?? t('htcdsExchange.report.wholeFile')}</Table.Td>
                    <Table.Td>
                      {issue.column && (
                        <Text span size="sm" ff="monospace">
                          {issue.column}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{issueMessage(t, issue, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </section>
  );
}
