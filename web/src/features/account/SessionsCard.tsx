import { Badge, Card, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { SessionSummary } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormattedDate } from '../../components/FormattedDate';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useRevokeSession, useSessions } from './queries';

function SessionRow({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  const revoke = useRevokeSession();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" lineClamp={2} title={session.userAgent ?? undefined}>
          {session.userAgent ?? t('account.sessions.unknownDevice')}
        </Text>
        {session.current && (
          <Badge size="sm" variant="light" mt={4}>
            {t('account.sessions.current')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <FormattedDate value={session.createdAt} withTime />
      </Table.Td>
      <Table.Td>
        <FormattedDate value={session.lastSeenAt} withTime />
      </Table.Td>
      <Table.Td>
        <FormattedDate value={session.expiresAt} withTime />
      </Table.Td>
      <Table.Td>
        {!session.current && (
          <ConfirmButton
            size="compact-sm"
            color="red"
            variant="subtle"
            loading={revoke.isPending}
            confirmTitle={t('confirm.sessionRevoke.title')}
            confirmMessage={t('confirm.sessionRevoke.text')}
            confirmLabel={t('confirm.sessionRevoke.action')}
            onConfirm={() => revoke.mutate(session.id)}
          >
            {t('account.sessions.revoke')}
          </ConfirmButton>
        )}
        <ProblemAlert error={revoke.error} />
      </Table.Td>
    </Table.Tr>
  );
}

export function SessionsCard() {
  const { t } = useTranslation();
  const sessions = useSessions();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('account.sessions.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {t('account.sessions.explanation')}
      </Text>
      <QueryState query={sessions}>
        {({ items }) => (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('account.sessions.device')}</Table.Th>
                  <Table.Th>{t('account.sessions.signedIn')}</Table.Th>
                  <Table.Th>{t('account.sessions.lastSeen')}</Table.Th>
                  <Table.Th>{t('account.sessions.expires')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((session) => (
                  <SessionRow key={session.id} session={session} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Card>
  );
}
