import { useTranslation } from 'react-i18next';
import { roleLabel } from '../roles/roleLabel';
import type { DescribeAccount } from './meetingPeople';

/** A colleague as the lists show her: name, then her roles in the reader's language. */
export function useDescribeAccount(): DescribeAccount {
  const { t } = useTranslation();
  return (account) => {
    const roles = account.roles.map((role) => roleLabel(t, role.key, role.name)).join(', ');
    return roles ? `${account.displayName} · ${roles}` : account.displayName;
  };
}
