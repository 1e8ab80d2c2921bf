import { Alert, Button, Card, DataList, Group, List, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { FormattedNumber } from '../../../components/FormattedNumber';
import { useLocale } from '../../../i18n/useLocale';
import { formatYear } from '../../../lib/dates';
import { useCountryName } from '../../countries/useCountries';
import { Field } from '../common/Field';
import { languageLabel } from '../common/labels';
import { PersonFormModal } from './PersonFormModal';

/** Facts every involved agency sees, then the identity section for those who hold it. */
export function PersonCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const { person } = detail;
  const identity = detail.sections.identity;
  const canEdit = detail.abilities.update && detail.abilities.readIdentity && !!identity;

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('caseRecord.person.title')}
        </Title>
        {canEdit && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)}>
            {t('caseRecord.person.edit')}
          </Button>
        )}
      </Group>
      <DataList>
        <Field label={t('caseRecord.person.pseudonym')}>{person.pseudonym}</Field>
        <Field label={t('caseRecord.person.gender')}>{t(`gender.${person.gender}`)}</Field>
        <Field label={t('caseRecord.person.birthYear')}>
          {person.birthYear !== null &&
            (person.birthYearEstimated
              ? t('caseRecord.person.birthYearEstimated', { year: formatYear(person.birthYear, locale) })
              : formatYear(person.birthYear, locale))}
        </Field>
        <Field label={t('caseRecord.person.ageAtIntake')}>
          <FormattedNumber value={detail.ageAtIntake} />
        </Field>
        <Field label={t('caseRecord.person.citizenship')}>{person.citizenship.map(countryName).join(', ')}</Field>
        <Field label={t('caseRecord.person.languages')}>{person.languages.map((code) => languageLabel(t, code)).join(', ')}</Field>
        <Field label={t('caseRecord.person.ethnicMinority')}>
          {person.ethnicMinority === null ? null : person.ethnicMinority ? t('common.yes') : t('common.no')}
        </Field>
      </DataList>
      <Title order={3} size="h5" mt="lg" mb="sm">
        {t('caseRecord.section.identity')}
      </Title>
      {identity ? (
        <DataList>
          <Field label={t('caseRecord.person.givenName')}>{identity.givenName}</Field>
          <Field label={t('caseRecord.person.familyName')}>{identity.familyName}</Field>
          <Field label={t('caseRecord.person.nameAsWritten')}>{identity.nameAsWritten}</Field>
          <Field label={t('caseRecord.person.aliases')}>{identity.aliases.join(', ')}</Field>
          <Field label={t('caseRecord.person.birthDate')}>{identity.birthDate && <FormattedDate value={identity.birthDate} />}</Field>
          <Field label={t('caseRecord.person.ethnicity')}>{identity.ethnicity}</Field>
          <Field label={t('caseRecord.person.address')}>{identity.address}</Field>
          <Field label={t('caseRecord.person.documents')}>
            {identity.documents.length > 0 && (
              <List size="sm" listStyleType="none" spacing={2}>
                {identity.documents.map((document) => (
                  <List.Item key={document.id}>
                    {t(`vocab.documentType.${document.documentType}`)}: {document.number}
                    {document.issuingCountry && ` (${countryName(document.issuingCountry)})`}
                    {document.expiresOn && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t('caseRecord.person.expires')} <FormattedDate value={document.expiresOn} />
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Field>
          <Field label={t('caseRecord.person.contacts')}>
            {identity.contacts.length > 0 && (
              <List size="sm" listStyleType="none" spacing={2}>
                {identity.contacts.map((contact) => (
                  <List.Item key={contact.id}>
                    {t(`vocab.contactKind.${contact.kind}`)}: {contact.value}
                  </List.Item>
                ))}
              </List>
            )}
          </Field>
        </DataList>
      ) : (
        <Alert variant="light" color="gray">
          {t('caseRecord.access.notShared', { section: t('caseRecord.section.identity') })}
        </Alert>
      )}
      {canEdit && <PersonFormModal detail={detail} opened={editing} onClose={() => setEditing(false)} />}
    </Card>
  );
}
