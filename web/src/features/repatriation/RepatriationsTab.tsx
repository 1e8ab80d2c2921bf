import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { useCaseRepatriations } from './queries';
import { RepatriationsTable } from './RepatriationsTable';
import { RequestRepatriationModal } from './RequestRepatriationModal';

/** The case's repatriations with partner countries, and the request that starts one. */
export function RepatriationsTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const repatriations = useCaseRepatriations(detail.id);
  const [requesting, setRequesting] = useState(false);
  // Only an identified victim is repatriated through a partner country (the server's rule too).
  const identified = detail.traffickingStatus === 'Identified';
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          {t('repatriation.tab.title')}
        </Title>
        {detail.abilities.update && (
          <Button onClick={() => setRequesting(true)} disabled={!identified}>
            {t('repatriation.tab.request')}
          </Button>
        )}
      </Group>
      {detail.abilities.update && !identified && (
        <Text size="sm" c="dimmed">
          {t('repatriation.request.notIdentified')}
        </Text>
      )}
      <QueryState query={repatriations}>
        {({ items }) =>
          items.length === 0 ? <Text c="dimmed">{t('repatriation.tab.empty')}</Text> : <RepatriationsTable items={items} showSide />
        }
      </QueryState>
      <RequestRepatriationModal
        caseId={detail.id}
        opened={requesting}
        onClose={() => setRequesting(false)}
        onRequested={(repatriation) => void navigate({ to: '/repatriations/$repatriationId', params: { repatriationId: repatriation.id } })}
      />
    </Stack>
  );
}
