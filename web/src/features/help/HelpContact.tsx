import { Anchor, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHelpContact } from './queries';

/** Whom to ask for help: the instance's help desk and, once signed in, her agency's administrators. */
export function HelpContact({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const help = useHelpContact(signedIn);
  if (!help.data) return null;
  const { contact, administrators } = help.data;
  if (!contact && administrators.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="aside" aria-labelledby="help-contact-title" data-testid="help-contact">
      <Stack gap={4}>
        <Text size="sm" fw={700} id="help-contact-title">
          {t('help.contact.title')}
        </Text>
        {contact && <Text size="sm">{contact}</Text>}
        {administrators.length > 0 && (
          <>
            <Text size="sm">{t('help.contact.administrators')}</Text>
            <List size="sm">
              {administrators.map((person) => (
                <List.Item key={`${person.displayName}-${person.email ?? ''}`}>
                  {person.displayName}
                  {person.email && (
                    <>
                      {' · '}
                      <Anchor href={`mailto:${person.email}`} size="sm" underline="always">
                        {person.email}
                      </Anchor>
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}
