import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Fingerprint } from './Fingerprint';
import { useRotateKeys } from './queries';

/**
 * Rotating this instance's keys, confirmed first: partners learn the new keys from a packet signed
 * with the old ones; afterwards the new fingerprint is shown to read out when the admins next speak.
 */
export function RotateKeysModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rotate = useRotateKeys();
  const close = () => {
    rotate.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('federation.rotation.title')} closeOnClickOutside={!rotate.isPending}>
      {rotate.data ? (
        <Stack>
          <Alert color="green">{t('federation.rotation.done', { count: rotate.data.announcedTo })}</Alert>
          <Text size="sm" fw={600}>
            {t('federation.rotation.newFingerprint')}
          </Text>
          <Fingerprint value={rotate.data.instance.fingerprint} label={t('federation.rotation.newFingerprint')} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('federation.register.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            rotate.mutate();
          }}
          noValidate
        >
          <Stack>
            <Text size="sm">{t('federation.rotation.body')}</Text>
            <Alert color="orange">{t('federation.rotation.stolen')}</Alert>
            <ProblemAlert error={rotate.error} />
            <FormFooter onCancel={close} submitting={rotate.isPending} submitLabel={t('federation.rotation.submit')} color="orange" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
