import { Badge } from '@mantine/core';
import type { DirectoryContact } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';

/** When a contact was last checked; orange once it has not been for six months, so nobody relies on a dead number. */
export function VerificationBadge({ contact }: { contact: DirectoryContact }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = contact.lastVerifiedOn
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${contact.lastVerifiedOn}T00:00:00Z`))
    : null;
  if (!contact.needsVerification) {
    return (
      <Badge color="teal" variant="light" size="sm">
        {t('serviceDirectory.card.verifiedOn', { date })}
      </Badge>
    );
  }
  return (
    <Badge color="orange" variant="filled" size="sm">
      {date ? `${t('serviceDirectory.card.needsVerification')} · ${date}` : t('serviceDirectory.card.neverVerified')}
    </Badge>
  );
}
