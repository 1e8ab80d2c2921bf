import { Stack } from '@mantine/core';
import type { User } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedModal } from '../../components/GuardedModal';
import { UserAccessActions } from './UserAccessActions';
import { UserDetailsForm } from './UserDetailsForm';

/** Which account the modal edits; `null` user means a new one. */
export type UserFormTarget = { user: User | null };

function EditUser({ initial, onClose }: { initial: User; onClose: () => void }) {
  // Each action answers the account's new version, which the next change must quote.
  const [user, setUser] = useState(initial);
  return (
    <Stack gap="xl">
      <UserDetailsForm user={user} onSaved={onClose} onCancel={onClose} />
      <UserAccessActions user={user} onChanged={setUser} />
    </Stack>
  );
}

interface UserFormModalProps {
  target: UserFormTarget | null;
  onClose: () => void;
}

export function UserFormModal({ target, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={target !== null}
      onClose={onClose}
      title={target?.user ? t('users.editTitle', { name: target.user.displayName }) : t('users.createTitle')}
      size="xl"
    >
      {target?.user && <EditUser key={target.user.id} initial={target.user} onClose={onClose} />}
      {target && !target.user && <UserDetailsForm user={null} onSaved={onClose} onCancel={onClose} />}
    </GuardedModal>
  );
}
