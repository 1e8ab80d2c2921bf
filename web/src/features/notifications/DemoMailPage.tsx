import { Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/dates';
import { useDemoMail } from './queries';

/** The demo's mail catcher: the e-mails (digests) it kept because no mail server is configured. */
export function DemoMailPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const mail = useDemoMail();
  return (
    <>
      <PageHeader title={t('notifications.mail.title')} />
      <Text c="dimmed" mb="md">
        {t('notifications.mail.description')}
      </Text>
      <QueryState query={mail}>
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t('notifications.mail.empty')}</Text>
          ) : (
            <Stack>
              {items.map((message) => (
                <Card key={message.id} withBorder padding="md">
                  <Table variant="vertical" withRowBorders={false}>
                    <Table.Tbody>
                      <Table.Tr>
                        <Table.Th w={140}>{t('notifications.mail.keptAt')}</Table.Th>
                        <Table.Td>
                          <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, locale)}</time>
                        </Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th>{t('notifications.mail.to')}</Table.Th>
                        <Table.Td>{message.to}</Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th>{t('notifications.mail.subject')}</Table.Th>
                        <Table.Td>{message.subject}</Table.Td>
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                  <Text component="pre" size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
                    {message.text}
                  </Text>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
