import { Code, DataList, Modal, Stack } from '@mantine/core';
import type { AuditEvent } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';

interface AuditEventDetailsProps {
  event: AuditEvent | null;
  onClose: () => void;
}

export function AuditEventDetails({ event, onClose }: AuditEventDetailsProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={event !== null} onClose={onClose} title={event ? t('audit.details.title', { seq: event.seq }) : ''} size="lg">
      {event && (
        <Stack>
          <DataList>
            <DataList.Item>
              <DataList.ItemLabel>{t('audit.columns.time')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <FormattedDate value={event.occurredAt} withTime />
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('audit.columns.action')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`audit.action.${event.action}`)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('audit.columns.outcome')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`audit.outcome.${event.outcome}`)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('audit.columns.actor')}</DataList.ItemLabel>
              <DataList.ItemValue>{event.actorUsername ?? t('audit.system')}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('audit.columns.resource')}</DataList.ItemLabel>
              <DataList.ItemValue>{[event.resourceType, event.resourceId].filter(Boolean).join(' · ')}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('audit.details.requestId')}</DataList.ItemLabel>
              <DataList.ItemValue>{event.requestId}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('audit.details.hash')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Code style={{ wordBreak: 'break-all' }}>{event.hash}</Code>
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
          <Code block>{JSON.stringify(event.details, null, 2)}</Code>
        </Stack>
      )}
    </Modal>
  );
}
