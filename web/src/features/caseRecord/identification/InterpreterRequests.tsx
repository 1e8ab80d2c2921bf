import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  type FieldError,
  type InterpreterRequest,
  interpreterRequestUpdateSchema,
  SPOKEN_LANGUAGES,
  type SpokenLanguage,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormattedDate } from '../../../components/FormattedDate';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useLocale } from '../../../i18n/useLocale';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { languageLabel } from '../common/labels';
import { MutationProblem } from '../common/MutationProblem';
import { blankToNull, sortedOptions } from '../common/options';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useIdentification, useRequestInterpreter, useUpdateInterpreterRequest } from '../queries';

const STATUS_COLOR = { requested: 'yellow', provided: 'teal', unavailable: 'red', cancelled: 'gray' } as const;

/** Records who interpreted, once the interpreter came. */
function ProvidedForm({ caseId, request, onDone }: { caseId: string; request: InterpreterRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const identification = useIdentification(caseId);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const update = useUpdateInterpreterRequest(caseId);
  const errors = useRecordFieldErrors(clientErrors, update.error, { interpreterName: t('caseRecord.interpreter.whoRequired') });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() && !organisation.trim()) {
      setClientErrors([{ path: 'interpreterName', code: 'required', message: t('caseRecord.interpreter.whoRequired') }]);
      return;
    }
    const latest = identification.data?.interviews
      .flatMap((interview) => interview.interpreterRequests)
      .find((item) => item.id === request.id);
    const checked = validate(interpreterRequestUpdateSchema, {
      version: latest?.version ?? request.version,
      status: 'provided',
      interpreterName: blankToNull(name),
      interpreterOrganisation: blankToNull(organisation),
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) update.mutate({ requestId: request.id, body: checked.data }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('caseRecord.interpreter.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.interpreterName}
            size="xs"
          />
          <TextInput
            label={t('caseRecord.interpreter.organisation')}
            value={organisation}
            onChange={(event) => setOrganisation(event.currentTarget.value)}
            error={errors.interpreterOrganisation}
            size="xs"
          />
          <Button type="submit" size="xs" loading={update.isPending}>
            {t('caseRecord.interpreter.confirmProvided')}
          </Button>
          <Button variant="default" size="xs" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
        <MutationProblem mutation={update} onReload={() => identification.refetch()} />
      </Stack>
    </form>
  );
}

function RequestRow({ caseId, request, canAct }: { caseId: string; request: InterpreterRequest; canAct: boolean }) {
  const { t } = useTranslation();
  const [providing, setProviding] = useState(false);
  const update = useUpdateInterpreterRequest(caseId);
  const close = (status: 'unavailable' | 'cancelled') =>
    update.mutate({ requestId: request.id, body: { version: request.version, status } });
  const open = request.status === 'requested';

  return (
    <Table.Tr>
      <Table.Td>{languageLabel(t, request.language)}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[request.status]} variant="light">
          {t(`caseRecord.interpreter.status.${request.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {request.requestedByName} · <FormattedDate value={request.requestedAt} withTime />
        </Text>
        {request.status === 'provided' && (
          <Text size="xs" c="dimmed">
            {[request.interpreterName, request.interpreterOrganisation].filter(Boolean).join(', ')}
            {request.providedAt && (
              <>
                {' · '}
                <FormattedDate value={request.providedAt} withTime />
              </>
            )}
          </Text>
        )}
      </Table.Td>
      {canAct && (
        <Table.Td>
          {open && !providing && (
            <Group gap="xs">
              <Button size="compact-xs" onClick={() => setProviding(true)}>
                {t('caseRecord.interpreter.markProvided')}
              </Button>
              <ConfirmButton
                size="compact-xs"
                variant="default"
                loading={update.isPending}
                confirmTitle={t('confirm.interpreterUnavailable.title')}
                confirmMessage={t('confirm.interpreterUnavailable.text')}
                confirmLabel={t('confirm.interpreterUnavailable.action')}
                onConfirm={() => close('unavailable')}
              >
                {t('caseRecord.interpreter.markUnavailable')}
              </ConfirmButton>
              <ConfirmButton
                size="compact-xs"
                variant="subtle"
                color="gray"
                loading={update.isPending}
                confirmTitle={t('confirm.interpreterCancel.title')}
                confirmMessage={t('confirm.interpreterCancel.text')}
                confirmLabel={t('confirm.interpreterCancel.action')}
                onConfirm={() => close('cancelled')}
              >
                {t('caseRecord.interpreter.cancel')}
              </ConfirmButton>
            </Group>
          )}
          {open && providing && <ProvidedForm caseId={caseId} request={request} onDone={() => setProviding(false)} />}
          <ProblemAlert error={update.error} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

interface InterpreterRequestsProps {
  caseId: string;
  interviewId: string;
  requests: InterpreterRequest[];
  canAct: boolean;
}

/** Every interview logs the interpreter it needed: asked for, then provided or not. */
export function InterpreterRequests({ caseId, interviewId, requests, canAct }: InterpreterRequestsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [language, setLanguage] = useState<SpokenLanguage | null>(null);
  const request = useRequestInterpreter(caseId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (language) request.mutate({ interviewId, language }, { onSuccess: () => setLanguage(null) });
  };

  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {t('caseRecord.interpreter.title')}
      </Title>
      {requests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseRecord.interpreter.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('caseRecord.interpreter.language')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('caseRecord.interpreter.requested')}</Table.Th>
                {canAct && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.map((item) => (
                <RequestRow key={item.id} caseId={caseId} request={item} canAct={canAct} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canAct && (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end">
            <Select
              label={t('caseRecord.interpreter.language')}
              data={sortedOptions(SPOKEN_LANGUAGES, (code) => t(`languageName.${code}`), locale)}
              value={language}
              onChange={(value) => setLanguage(oneOf(value, SPOKEN_LANGUAGES) ?? null)}
              searchable
              size="xs"
            />
            <Button type="submit" variant="light" size="xs" disabled={!language} loading={request.isPending}>
              {t('caseRecord.interpreter.request')}
            </Button>
          </Group>
          <ProblemAlert error={request.error} />
        </form>
      )}
    </Stack>
  );
}
