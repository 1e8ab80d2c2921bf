import { ActionIcon, Badge, Button, Drawer, Group, Indicator, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Notification } from '@seamless/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/useLocale';
import { formatDate, formatDateTime } from '../../lib/dates';
import { badgeCount, byUnreadThenNewest, noticeTarget } from './noticeView';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './queries';

const PAGE = 20;

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

function NoticeItem({ notice, onOpen }: { notice: Notification; onOpen: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unread = notice.readAt === null;
  return (
    <UnstyledButton onClick={onOpen} p="xs" style={{ borderRadius: 4, background: unread ? 'var(--mantine-color-teal-0)' : undefined }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={unread ? 700 : 400}>
          {t(`notifications.kind.${notice.kind}`)}
        </Text>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt, locale)}</time>
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {notice.caseReference
          ? t('notifications.case', { reference: notice.caseReference })
          : notice.caseId
            ? t('notifications.caseNotShared')
            : null}
        {notice.dueOn && (
          <>
            {notice.caseId ? ' · ' : ''}
            <time dateTime={notice.dueOn}>{t('notifications.due', { date: formatDate(notice.dueOn, locale) })}</time>
          </>
        )}
      </Text>
    </UnstyledButton>
  );
}

/** The bell in the header: unread count, and the notices in a drawer, each leading to its case. */
export function NotificationBell() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [opened, { open, close }] = useDisclosure(false);
  const [pageSize, setPageSize] = useState(PAGE);
  const unread = useUnreadCount();
  const notices = useNotifications(pageSize, opened);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const navigate = useNavigate();
  const count = unread.data?.unread ?? 0;

  const openNotice = (notice: Notification) => {
    if (notice.readAt === null) markRead.mutate(notice.id);
    const target = noticeTarget(notice);
    if (!target) return;
    close();
    if (target.page === 'case') void navigate({ to: '/cases/$caseId', params: { caseId: target.caseId } });
    if (target.page === 'repatriation')
      void navigate({ to: '/repatriations/$repatriationId', params: { repatriationId: target.repatriationId } });
    if (target.page === 'crossBorderReferral')
      void navigate({ to: '/cross-border-referrals/$referralId', params: { referralId: target.referralId } });
    if (target.page === 'deliveries') void navigate({ to: '/admin/federation', search: { tab: 'deliveries' } });
    if (target.page === 'resetRequests') void navigate({ to: '/admin/users', search: { resetRequested: true } });
  };

  return (
    <>
      <Indicator label={badgeCount(count, locale)} size={16} disabled={count === 0} color="red" offset={4}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          onClick={open}
          aria-label={count ? `${t('notifications.bell')}: ${t('notifications.unreadCount', { count })}` : t('notifications.bell')}
        >
          <BellIcon />
        </ActionIcon>
      </Indicator>
      <Drawer opened={opened} onClose={close} position="right" title={t('notifications.bell')}>
        <QueryState query={notices}>
          {(page) => (
            <Stack gap="xs">
              <Group justify="space-between">
                <Badge variant="light" color={page.unread ? 'red' : 'gray'}>
                  {t('notifications.unreadCount', { count: page.unread })}
                </Badge>
                <Button
                  size="xs"
                  variant="subtle"
                  disabled={page.unread === 0}
                  loading={markAllRead.isPending}
                  onClick={() => markAllRead.mutate()}
                >
                  {t('notifications.markAllRead')}
                </Button>
              </Group>
              {page.items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
              {[...page.items].sort(byUnreadThenNewest).map((notice) => (
                <NoticeItem key={notice.id} notice={notice} onOpen={() => openNotice(notice)} />
              ))}
              {page.total > page.items.length && (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setPageSize((size) => Math.min(size + PAGE, 100))}
                  disabled={pageSize >= 100}
                >
                  {t('notifications.loadMore')}
                </Button>
              )}
              <ProblemAlert error={markRead.error ?? markAllRead.error} />
            </Stack>
          )}
        </QueryState>
      </Drawer>
    </>
  );
}
