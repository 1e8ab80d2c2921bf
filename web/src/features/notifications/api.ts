import type { MailMessage, NotificationPage, NotificationPreferences, UnreadCount } from '@seamless/contracts';
import { api, apiRequest } from '../../api/client';

export const notificationApi = {
  list: (page: number, pageSize: number) => api.get<NotificationPage>('/api/notifications', { query: { page, pageSize } }),
  unreadCount: () => api.get<UnreadCount>('/api/notifications/unread-count'),
  markRead: (id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ marked: number }>('/api/notifications/read-all'),
  preferences: () => api.get<NotificationPreferences>('/api/notifications/preferences'),
  setPreferences: (preferences: NotificationPreferences) =>
    apiRequest<NotificationPreferences>('PUT', '/api/notifications/preferences', { body: preferences }),
  demoMail: () => api.get<{ items: MailMessage[] }>('/api/admin/mail'),
};
