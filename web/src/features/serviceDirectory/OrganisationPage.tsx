import { Anchor, Button, Card, Divider, Group, Stack, Text } from '@mantine/core';
import type { DirectoryOrganisation } from '@seamless/contracts';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useCountryName } from '../countries/useCountries';
import { ContactFormModal, type ContactFormTarget } from './ContactFormModal';
import { ContactList } from './ContactList';
import { OrganisationFormModal } from './OrganisationFormModal';
import { useDirectoryOrganisation, useRemoveContact } from './queries';
import { ServiceFormModal, type ServiceFormTarget } from './ServiceFormModal';
import { ServiceSummary } from './ServiceSummary';

function OrganisationDetail({ organisation }: { organisation: DirectoryOrganisation }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const canUpdate = organisation.abilities.update;
  const [editing, setEditing] = useState(false);
  const [service, setService] = useState<ServiceFormTarget | null>(null);
  const [contact, setContact] = useState<ContactFormTarget | null>(null);
  const remove = useRemoveContact();
  const facts: [string, string | null][] = [
    [t('serviceDirectory.form.organisationType'), t(`serviceDirectory.organisationType.${organisation.organisationType}`)],
    [
      t('serviceDirectory.card.address'),
      [organisation.address, organisation.district, organisation.province, countryName(organisation.countryCode)]
        .filter(Boolean)
        .join(', '),
    ],
    [t('serviceDirectory.card.hours'), organisation.hours],
    [
      t('serviceDirectory.card.languages'),
      organisation.languages.map((code) => t(`languageName.${code}`, { defaultValue: code })).join(', ') || null,
    ],
    [t('serviceDirectory.form.notes'), organisation.notes],
  ];
  return (
    <>
      <PageHeader
        title={organisation.name}
        description={organisation.localName ?? undefined}
        actions={canUpdate && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      />
      <Stack>
        <Anchor component={Link} to="/directory" size="sm">
          {t('serviceDirectory.back')}
        </Anchor>
        <Card withBorder>
          <Stack gap={4}>
            {facts
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <Text key={label} size="sm">
                  <Text span fw={600}>
                    {label}:
                  </Text>{' '}
                  {value}
                </Text>
              ))}
            {organisation.website && (
              <Anchor href={organisation.website} target="_blank" rel="noopener noreferrer" size="sm">
                {organisation.website}
              </Anchor>
            )}
          </Stack>
        </Card>
        <Divider label={t('serviceDirectory.card.services')} labelPosition="left" />
        {organisation.services.map((item) => (
          <Card key={item.id} withBorder>
            <ServiceSummary service={item} organisation={organisation} />
            {canUpdate && (
              <Group mt="xs">
                <Button size="compact-sm" variant="subtle" onClick={() => setService({ service: item })}>
                  {t('serviceDirectory.form.editService')}
                </Button>
              </Group>
            )}
          </Card>
        ))}
        {canUpdate && (
          <Group>
            <Button variant="light" onClick={() => setService({ service: null })}>
              {t('serviceDirectory.form.addService')}
            </Button>
          </Group>
        )}
        <Divider label={t('serviceDirectory.card.contacts')} labelPosition="left" />
        <ProblemAlert error={remove.error} />
        <ContactList
          organisationId={organisation.id}
          contacts={organisation.contacts}
          canUpdate={canUpdate}
          actions={
            canUpdate
              ? (item) => (
                  <>
                    <Button size="compact-xs" variant="subtle" onClick={() => setContact({ contact: item })}>
                      {t('serviceDirectory.form.editContact')}
                    </Button>
                    <ConfirmButton
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables?.contactId === item.id}
                      confirmTitle={t('confirm.contactRemove.title')}
                      confirmMessage={t('confirm.contactRemove.text')}
                      confirmLabel={t('confirm.contactRemove.action')}
                      onConfirm={() => remove.mutate({ id: organisation.id, contactId: item.id })}
                    >
                      {t('serviceDirectory.form.removeContact')}
                    </ConfirmButton>
                  </>
                )
              : undefined
          }
        />
        {canUpdate && (
          <Group>
            <Button variant="light" onClick={() => setContact({ contact: null })}>
              {t('serviceDirectory.form.addContact')}
            </Button>
          </Group>
        )}
      </Stack>
      <OrganisationFormModal opened={editing} organisation={organisation} onClose={() => setEditing(false)} />
      <ServiceFormModal organisationId={organisation.id} target={service} onClose={() => setService(null)} />
      <ContactFormModal organisationId={organisation.id} target={contact} onClose={() => setContact(null)} />
    </>
  );
}

export function OrganisationPage() {
  const { organisationId } = useParams({ from: '/signed-in/directory/$organisationId' });
  const organisation = useDirectoryOrganisation(organisationId);
  return <QueryState query={organisation}>{(data) => <OrganisationDetail organisation={data} />}</QueryState>;
}
