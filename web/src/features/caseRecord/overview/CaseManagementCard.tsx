import { Button, Card, Group, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import {
  CASE_CLOSURE_REASONS,
  CASE_STAGES,
  CASE_STATUSES,
  type CaseDetail,
  caseUpdateSchema,
  type FieldError,
  INTAKE_URGENCIES,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { MutationProblem } from '../common/MutationProblem';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useCaseDetail, useUpdateCase } from '../queries';

const CLOSED = ['Closed', 'ClosedReferred'];

type Editable = Pick<CaseDetail, 'status' | 'closureReason' | 'stage' | 'urgency'>;

/**
 * Where the case stands: its status (closing needs a reason), stage and urgency. Only the fields
 * the user changed are kept and sent, so after a conflict and a reload the others show (and keep)
 * what a colleague saved.
 */
export function CaseManagementCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const refetch = useCaseDetail(detail.id).refetch;
  const [changes, setChanges] = useState<Partial<Editable>>({});
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const update = useUpdateCase(detail.id);
  const errors = useRecordFieldErrors(clientErrors, update.error, { closureReason: t('caseRecord.fieldError.closureReason') });
  const values: Editable = {
    status: changes.status ?? detail.status,
    closureReason: changes.closureReason !== undefined ? changes.closureReason : detail.closureReason,
    stage: changes.stage ?? detail.stage,
    urgency: changes.urgency ?? detail.urgency,
  };
  const closing = CLOSED.includes(values.status);
  const change = (patch: Partial<Editable>) => setChanges((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { closureReason, ...rest } = changes;
    const checked = validate(caseUpdateSchema, {
      version: detail.version,
      ...rest,
      ...(closing && (changes.status || closureReason !== undefined) ? { closureReason: values.closureReason } : {}),
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) update.mutate(checked.data, { onSuccess: () => setChanges({}) });
  };

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('caseRecord.management.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('caseRecord.management.status')}
              data={CASE_STATUSES.map((status) => ({ value: status, label: t(`caseStatus.${status}`) }))}
              value={values.status}
              onChange={(value) => change({ status: oneOf(value, CASE_STATUSES) ?? detail.status })}
              error={errors.status}
              allowDeselect={false}
            />
            {closing && (
              <Select
                label={t('caseRecord.management.closureReason')}
                data={CASE_CLOSURE_REASONS.map((reason) => ({ value: reason, label: t(`vocab.closureReason.${reason}`) }))}
                value={values.closureReason}
                onChange={(value) => change({ closureReason: oneOf(value, CASE_CLOSURE_REASONS) ?? null })}
                error={errors.closureReason}
                required
              />
            )}
            <Select
              label={t('caseRecord.management.stage')}
              data={CASE_STAGES.map((stage) => ({ value: stage, label: t(`vocab.caseStage.${stage}`) }))}
              value={values.stage}
              onChange={(value) => change({ stage: oneOf(value, CASE_STAGES) ?? detail.stage })}
              error={errors.stage}
              allowDeselect={false}
            />
            <Select
              label={t('caseRecord.management.urgency')}
              data={INTAKE_URGENCIES.map((urgency) => ({ value: urgency, label: t(`vocab.urgency.${urgency}`) }))}
              value={values.urgency}
              onChange={(value) => change({ urgency: oneOf(value, INTAKE_URGENCIES) ?? detail.urgency })}
              error={errors.urgency}
              allowDeselect={false}
            />
          </SimpleGrid>
          <MutationProblem mutation={update} onReload={() => refetch()} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={update.isPending} disabled={Object.keys(changes).length === 0}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
