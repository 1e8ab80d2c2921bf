import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { DirectoryContact } from '@seamless/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { contactLinks } from './contactLinks';
import { useVerifyContact } from './queries';
import { VerificationBadge } from './VerificationBadge';

const APP_NAMES = { line: 'LINE', whatsapp: 'WhatsApp', viber: 'Viber', telegram: 'Telegram', wechat: 'WeChat' } as const;

interface ContactListProps {
  organisationId: string;
  contacts: DirectoryContact[];
  canUpdate: boolean;
  /** Extra actions per contact (edit, remove) on the organisation page. */
  actions?: (contact: DirectoryContact) => ReactNode;
}

export function ContactList({ organisationId, contacts, canUpdate, actions }: ContactListProps) {
  const { t } = useTranslation();
  const verify = useVerifyContact();
  if (!contacts.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('serviceDirectory.card.noContacts')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <ProblemAlert error={verify.error} />
      {contacts.map((contact) => (
        <Paper key={contact.id} withBorder p="xs" radius="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <div>
              <Text size="sm" fw={600}>
                {contact.name}
              </Text>
              {contact.position && (
                <Text size="xs" c="dimmed">
                  {contact.position}
                </Text>
              )}
            </div>
            <VerificationBadge contact={contact} />
          </Group>
          <Group gap="sm" mt={4} wrap="wrap">
            {contactLinks(contact).map((link) => {
              const text = link.kind === 'phone' || link.kind === 'email' ? link.label : `${APP_NAMES[link.kind]}: ${link.label}`;
              return link.href ? (
                <Anchor
                  key={link.kind}
                  href={link.href}
                  size="sm"
                  target={link.kind === 'phone' || link.kind === 'email' ? undefined : '_blank'}
                  rel="noopener noreferrer"
                >
                  {link.kind === 'phone' ? (
                    <ActionLabel label={text} subject={t('serviceDirectory.card.call', { name: contact.name })} />
                  ) : link.kind === 'email' ? (
                    <ActionLabel label={text} subject={t('serviceDirectory.card.email', { name: contact.name })} />
                  ) : (
                    text
                  )}
                </Anchor>
              ) : (
                <Text key={link.kind} size="sm">
                  {text}
                </Text>
              );
            })}
          </Group>
          {(canUpdate || actions) && (
            <Group gap="xs" mt={6}>
              {canUpdate && contact.needsVerification && (
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={verify.isPending && verify.variables?.contactId === contact.id}
                  onClick={() => verify.mutate({ id: organisationId, contactId: contact.id })}
                >
                  <ActionLabel label={t('serviceDirectory.card.verify')} subject={contact.name} />
                </Button>
              )}
              {actions?.(contact)}
            </Group>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
