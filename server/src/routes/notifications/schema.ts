import {
  mailMessageSchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationQuerySchema,
  notificationSchema,
  unreadCountSchema,
} from '@seamless/contracts';
import { z } from 'zod';
import { noRequestBody } from '../noRequestBody.js';

const notificationParams = z.object({ id: z.string().uuid() }).strict();

export const notificationListRouteSchema = {
  tags: ['notifications'],
  querystring: notificationQuerySchema,
  response: { 200: notificationPageSchema },
};
export const unreadCountRouteSchema = { tags: ['notifications'], response: { 200: unreadCountSchema } };
export const markReadRouteSchema = { tags: ['notifications'], params: notificationParams, response: { 200: notificationSchema } };
export const markAllReadRouteSchema = {
  tags: ['notifications'],
  body: noRequestBody,
  response: { 200: z.object({ marked: z.number().int() }) },
};
export const preferencesReadRouteSchema = { tags: ['notifications'], response: { 200: notificationPreferencesSchema } };
export const preferencesWriteRouteSchema = {
  tags: ['notifications'],
  body: notificationPreferencesSchema,
  response: { 200: notificationPreferencesSchema },
};
export const mailListRouteSchema = {
  tags: ['admin'],
  response: { 200: z.object({ items: z.array(mailMessageSchema) }) },
};
