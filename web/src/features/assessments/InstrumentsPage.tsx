import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { type AssessmentInstrument, assessmentInstrumentInputSchema, type FieldError, localised } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedNumber } from '../../components/FormattedNumber';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/useLocale';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useInstruments, useSaveInstrument, useUpdateInstrument } from './queries';

/** What an instrument is defined by: its version's data without the ids and dates the server keeps. */
export function definitionOf(instrument: AssessmentInstrument | null): string {
  const value = instrument
    ? {
        key: instrument.key,
        name: instrument.name,
        scaleMin: instrument.scaleMin,
        scaleMax: instrument.scaleMax,
        scaleLabels: instrument.scaleLabels,
        domains: instrument.domains,
      }
    : {
        key: 'new_instrument',
        name: { en: 'New instrument' },
        scaleMin: 1,
        scaleMax: 4,
        scaleLabels: {
          '1': { en: 'Serious difficulty' },
          '2': { en: 'Some difficulty' },
          '3': { en: 'Mostly fine' },
          '4': { en: 'Doing well' },
        },
        // A domain's section: `care`, or `medical`, `psychosocial` or `legal` for a specialist's content.
        domains: [
          {
            key: 'safety',
            labels: { en: 'Safety' },
            section: 'care',
            items: [{ key: 'safety_home', labels: { en: 'Feels safe at home' } }],
          },
        ],
      };
  return JSON.stringify(value, null, 2);
}

function EditorModal({ source, onClose }: { source: AssessmentInstrument | null | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [loadedFor, setLoadedFor] = useState<AssessmentInstrument | null | undefined>(undefined);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [invalidJson, setInvalidJson] = useState(false);
  const save = useSaveInstrument();
  const errors = useFieldErrors(clientErrors, save.error);
  if (source !== loadedFor) {
    setLoadedFor(source);
    setText(source === undefined ? '' : definitionOf(source));
    setClientErrors([]);
    setInvalidJson(false);
  }
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setInvalidJson(true);
      return;
    }
    setInvalidJson(false);
    const checked = validate(assessmentInstrumentInputSchema, parsed);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) save.mutate(checked.data, { onSuccess: close });
  };
  const messages = Object.entries(errors);
  return (
    <Modal opened={source !== undefined} onClose={close} title={t('assessments.admin.editorTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label={t('assessments.admin.definition')}
            description={t('assessments.admin.definitionHelp')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={invalidJson ? t('assessments.admin.invalidJson') : undefined}
            autosize
            minRows={12}
            maxRows={30}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            spellCheck={false}
          />
          {messages.length > 0 && (
            <Alert color="red" variant="light">
              <Stack gap={2} component="ul" style={{ margin: 0, paddingInlineStart: 16 }}>
                {messages.map(([path, message]) => (
                  <Text key={path} size="sm" component="li">
                    <code>{path}</code>: {message}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <ProblemAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('assessments.admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Form administrators keep the assessment instruments: versions, which one is in use, new ones. */
export function InstrumentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const instruments = useInstruments();
  const update = useUpdateInstrument();
  const [editing, setEditing] = useState<AssessmentInstrument | null | undefined>(undefined);
  return (
    <Stack>
      <PageHeader
        title={t('assessments.admin.title')}
        description={t('assessments.admin.intro')}
        actions={<Button onClick={() => setEditing(null)}>{t('assessments.admin.newInstrument')}</Button>}
      />
      <ProblemAlert error={update.error} />
      <QueryState query={instruments}>
        {({ items }) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessments.admin.name')}</Table.Th>
                  <Table.Th>{t('assessments.admin.key')}</Table.Th>
                  <Table.Th>{t('assessments.admin.version')}</Table.Th>
                  <Table.Th>{t('assessments.admin.scale')}</Table.Th>
                  <Table.Th>{t('assessments.admin.domains')}</Table.Th>
                  <Table.Th>{t('assessments.admin.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((instrument) => (
                  <Table.Tr key={instrument.id}>
                    <Table.Td>{localised(instrument.name, locale)}</Table.Td>
                    <Table.Td>
                      <code>{instrument.key}</code>
                    </Table.Td>
                    <Table.Td>
                      <FormattedNumber value={instrument.version} />
                    </Table.Td>
                    <Table.Td>
                      {instrument.scaleMin}–{instrument.scaleMax}
                    </Table.Td>
                    <Table.Td>{instrument.domains.map((domain) => localised(domain.labels, locale)).join(', ')}</Table.Td>
                    <Table.Td>
                      <Badge color={instrument.active ? 'teal' : 'gray'} variant="light">
                        {instrument.active ? t('assessments.admin.active') : t('assessments.admin.retired')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing(instrument)}>
                          {t('assessments.admin.newVersion')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          loading={update.isPending && update.variables?.id === instrument.id}
                          onClick={() => update.mutate({ id: instrument.id, body: { active: !instrument.active } })}
                        >
                          {instrument.active ? t('assessments.admin.retire') : t('assessments.admin.restore')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <EditorModal source={editing} onClose={() => setEditing(undefined)} />
    </Stack>
  );
}
