import { Badge, Button, Card, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { type CaseDetail, PRESCREENING_QUESTIONS, type Prescreening, type PrescreeningQuestion } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAddPrescreening } from '../queries';

type Answer = 'yes' | 'no' | 'unknown';
const ANSWERS: readonly Answer[] = ['yes', 'no', 'unknown'];

function PrescreeningForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Partial<Record<PrescreeningQuestion, Answer>>>({});
  const add = useAddPrescreening(caseId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A question left open was not asked: it is recorded as unknown rather than dropped.
    const complete = Object.fromEntries(PRESCREENING_QUESTIONS.map((question) => [question, answers[question] ?? 'unknown']));
    add.mutate({ answers: complete }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {PRESCREENING_QUESTIONS.map((question) => (
          <Radio.Group
            key={question}
            label={t(`identification.prescreening.${question}`)}
            value={answers[question] ?? null}
            onChange={(value) => setAnswers((current) => ({ ...current, [question]: ANSWERS.find((answer) => answer === value) }))}
          >
            <Group gap="lg" mt={4}>
              {ANSWERS.map((answer) => (
                <Radio key={answer} value={answer} label={t(`common.${answer}`)} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <ProblemAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('caseRecord.prescreening.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The short checklist asked before a full interview; its "yes" answers suggest indicators. */
export function PrescreeningCard({ detail, prescreenings }: { detail: CaseDetail; prescreenings: Prescreening[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const sorted = [...prescreenings].sort((a, b) => b.conductedAt.localeCompare(a.conductedAt));

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('caseRecord.prescreening.title')}
        </Title>
        {detail.abilities.identify && !open && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            {t('caseRecord.prescreening.new')}
          </Button>
        )}
      </Group>
      {open && <PrescreeningForm caseId={detail.id} onDone={() => setOpen(false)} />}
      {!open &&
        (sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('caseRecord.prescreening.empty')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('caseRecord.prescreening.conductedAt')}</Table.Th>
                <Table.Th>{t('caseRecord.prescreening.conductedBy')}</Table.Th>
                <Table.Th>{t('caseRecord.prescreening.outcome')}</Table.Th>
                <Table.Th>{t('caseRecord.prescreening.yesAnswers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((item) => {
                const yes = PRESCREENING_QUESTIONS.filter((question) => item.answers[question] === 'yes');
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <FormattedDate value={item.conductedAt} withTime />
                    </Table.Td>
                    <Table.Td>{item.conductedByName}</Table.Td>
                    <Table.Td>
                      <Badge color={item.outcome === 'refer_to_identification' ? 'orange' : 'gray'} variant="light">
                        {t(`caseRecord.prescreening.outcomes.${item.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={yes.map((question) => t(`identification.prescreening.${question}`)).join('\n')}>
                        {t('caseRecord.prescreening.yesCount', { yes: yes.length, total: PRESCREENING_QUESTIONS.length })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ))}
    </Card>
  );
}
