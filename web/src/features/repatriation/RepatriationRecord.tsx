import { Alert, Badge, Button, Card, DataList, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { CONSENT_PURPOSES, type Repatriation } from '@seamless/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { oneOf } from '../../lib/oneOf';
import { Field } from '../caseRecord/common/Field';
import { formatBytes } from '../caseRecord/notes/files';
import { useCountryName } from '../countries/useCountries';
import { DeliveryStatusBadge } from '../federation/DeliveryStatusBadge';
import { useDownloadRepatriationFile } from './queries';
import { documentTypeLabel, exploitationLabel, genderLabel, traffickingStatusLabel } from './repatriationView';

function RecordCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The files that came with the request, each downloadable by a reader whose role opens its section. */
function SentFiles({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const download = useDownloadRepatriationFile(repatriation.id);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('repatriation.sent.files')}
      </Text>
      {repatriation.attachments.map((file) => (
        <Group key={file.index} gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            loading={download.isPending && download.variables?.index === file.index}
            onClick={() => download.mutate(file)}
            aria-label={t('repatriation.sent.downloadFile', { name: file.fileName })}
          >
            {file.fileName}
          </Button>
          <Text size="xs" c="dimmed">
            {t(`caseRecord.section.${file.section}`)} · {formatBytes(file.sizeBytes, locale)}
          </Text>
        </Group>
      ))}
      <ProblemAlert error={download.error} />
    </Stack>
  );
}

/** What the sending country asked, on which consent, for which sections. */
export function RequestCard({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const { consent } = repatriation;
  const purpose = oneOf(consent.purpose, CONSENT_PURPOSES);
  return (
    <RecordCard title={t('repatriation.sent.title')}>
      <Stack gap="sm">
        <DataList>
          <Field label={t('repatriation.sent.reason')}>{repatriation.reason}</Field>
          <Field label={t('repatriation.sent.requestedAt')}>
            <FormattedDate value={repatriation.requestedAt} withTime />
          </Field>
          <Field label={t('repatriation.sent.proposedDate')}>
            {repatriation.proposedDate && <FormattedDate value={repatriation.proposedDate} />}
          </Field>
          <Field label={t('repatriation.sent.sections')}>
            {repatriation.sections.length > 0 ? (
              <Group gap={4}>
                {repatriation.sections.map((section) => (
                  <Badge key={section} variant="light" color="gray">
                    {t(`caseRecord.section.${section}`)}
                  </Badge>
                ))}
              </Group>
            ) : null}
          </Field>
          <Field label={t('repatriation.sent.consent')}>
            <Text size="sm">
              {purpose ? t(`vocab.consentPurpose.${purpose}`) : consent.purpose}
              {' · '}
              <FormattedDate value={consent.givenOn} />
              {consent.expiresOn && (
                <>
                  {' – '}
                  <FormattedDate value={consent.expiresOn} />
                </>
              )}
            </Text>
          </Field>
        </DataList>
        {repatriation.attachments.length > 0 && <SentFiles repatriation={repatriation} />}
        {consent.withdrawn && (
          <Alert color="orange" variant="light">
            {t('repatriation.sent.consentWithdrawn')}
          </Alert>
        )}
      </Stack>
    </RecordCard>
  );
}

/** Who she is, as the sending country sent it: shown only to a reader holding identity here. */
export function PersonCard({ person }: { person: NonNullable<Repatriation['person']> }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <RecordCard title={t('repatriation.person.title')}>
      <DataList>
        <Field label={t('repatriation.person.name')}>{person.name}</Field>
        <Field label={t('repatriation.person.otherNames')}>{person.otherNames.join(', ')}</Field>
        <Field label={t('repatriation.person.sex')}>{person.sex && genderLabel(t, person.sex)}</Field>
        <Field label={t('repatriation.person.birthDate')}>{person.birthDate && <FormattedDate value={person.birthDate} />}</Field>
        <Field label={t('repatriation.person.citizenship')}>{person.citizenship && countryName(person.citizenship)}</Field>
        <Field label={t('repatriation.person.documents')}>
          {person.documents.length > 0 ? (
            <Stack gap={2}>
              {person.documents.map((document) => (
                <Text key={`${document.type}-${document.number}`} size="sm">
                  {documentTypeLabel(t, document.type)}{' '}
                  <Text span ff="monospace">
                    {document.number}
                  </Text>
                  {document.country ? ` · ${countryName(document.country)}` : ''}
                </Text>
              ))}
            </Stack>
          ) : null}
        </Field>
        <Field label={t('repatriation.person.homeAddress')}>{person.homeAddress}</Field>
      </DataList>
    </RecordCard>
  );
}

/** The sending country's identification and interview, kept by the receiving case so she is not interviewed again. */
export function IdentificationCard({ identification }: { identification: NonNullable<Repatriation['identification']> }) {
  const { t } = useTranslation();
  return (
    <RecordCard title={t('repatriation.identification.title')}>
      <DataList>
        <Field label={t('repatriation.identification.status')}>
          {identification.traffickingStatus && traffickingStatusLabel(t, identification.traffickingStatus)}
        </Field>
        <Field label={t('repatriation.identification.exploitation')}>
          {identification.exploitationForms.map((form) => exploitationLabel(t, form)).join(', ')}
        </Field>
        <Field label={t('repatriation.identification.identifiedOn')}>
          {identification.identifiedOn && <FormattedDate value={identification.identifiedOn} />}
        </Field>
        <Field label={t('repatriation.identification.identifiedBy')}>{identification.identifiedBy}</Field>
        <Field label={t('repatriation.identification.interviewSummary')}>
          {identification.interviewSummary && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {identification.interviewSummary}
            </Text>
          )}
        </Field>
      </DataList>
    </RecordCard>
  );
}

/** Each step's record as the side that took it sent it: verification, family assessment, decision, plan. */
export function StepRecords({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const { verification, familyAssessment, decision, plan } = repatriation;
  if (!verification && !familyAssessment && !decision && !plan) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {verification && (
        <RecordCard title={t('repatriation.verification.title')}>
          <DataList>
            <Field label={t('repatriation.verification.outcome')}>{t(`repatriation.verification.outcomes.${verification.outcome}`)}</Field>
            <Field label={t('repatriation.verification.method')}>{verification.method}</Field>
            <Field label={t('repatriation.verification.verifiedOn')}>
              <FormattedDate value={verification.verifiedOn} />
            </Field>
            <Field label={t('repatriation.verification.notes')}>{verification.notes}</Field>
          </DataList>
        </RecordCard>
      )}
      {familyAssessment && (
        <RecordCard title={t('repatriation.family.title')}>
          <DataList>
            <Field label={t('repatriation.family.outcome')}>{t(`repatriation.family.outcomes.${familyAssessment.outcome}`)}</Field>
            <Field label={t('repatriation.family.familyTraced')}>{familyAssessment.familyTraced ? t('common.yes') : t('common.no')}</Field>
            <Field label={t('repatriation.family.assessedOn')}>
              <FormattedDate value={familyAssessment.assessedOn} />
            </Field>
            <Field label={t('repatriation.family.summary')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {familyAssessment.summary}
              </Text>
            </Field>
          </DataList>
        </RecordCard>
      )}
      {decision && (
        <RecordCard title={t('repatriation.decision.title')}>
          <DataList>
            <Field label={t('repatriation.decision.decision')}>{t(`repatriation.decision.decisions.${decision.decision}`)}</Field>
            <Field label={t('repatriation.decision.reason')}>{decision.reason}</Field>
          </DataList>
        </RecordCard>
      )}
      {plan && (
        <RecordCard title={t('repatriation.plan.title')}>
          <DataList>
            <Field label={t('repatriation.plan.date')}>
              <FormattedDate value={plan.date} />
            </Field>
            <Field label={t('repatriation.plan.channel')}>{t(`repatriation.plan.channels.${plan.channel}`)}</Field>
            <Field label={t('repatriation.plan.handoverPoint')}>{plan.handoverPoint}</Field>
            <Field label={t('repatriation.plan.notes')}>{plan.notes}</Field>
          </DataList>
        </RecordCard>
      )}
    </SimpleGrid>
  );
}

/** The handover record: each side's signature, this side's marked, an unsigned part said plainly. */
export function SignaturesCard({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const { signatures } = repatriation;
  if (!signatures.sending && !signatures.receiving) return null;
  return (
    <RecordCard title={t('repatriation.signature.title')}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(['sending', 'receiving'] as const).map((side) => {
          const signature = signatures[side];
          return (
            <Stack key={side} gap="xs">
              <Text fw={600} size="sm">
                {t(`repatriation.signature.${side}`)}
                {side === repatriation.side ? ` ${t('repatriation.signature.ours')}` : ''}
              </Text>
              {signature ? (
                <DataList>
                  <Field label={t('repatriation.signature.officerName')}>{signature.officerName}</Field>
                  <Field label={t('repatriation.signature.officerTitle')}>{signature.officerTitle}</Field>
                  <Field label={t('repatriation.signature.signedAt')}>
                    <FormattedDate value={signature.signedAt} withTime />
                  </Field>
                  <Field label={t('repatriation.signature.place')}>{signature.place}</Field>
                  <Field label={t('repatriation.signature.belongings')}>{signature.belongings}</Field>
                  <Field label={t('repatriation.signature.documents')}>{signature.documents}</Field>
                </DataList>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('repatriation.signature.notSigned')}
                </Text>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </RecordCard>
  );
}

/**
 * Follow-up visits after the return: the receiving side sends them, the sending side's case
 * receives them, so both see how she is doing.
 */
export function FollowUpReportsCard({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const reports = [...repatriation.followUpReports].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn));
  if (repatriation.status !== 'handed_over' && reports.length === 0) return null;
  return (
    <RecordCard title={t(repatriation.side === 'sending' ? 'repatriation.followUp.titleReceived' : 'repatriation.followUp.titleSent')}>
      {reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('repatriation.followUp.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          {reports.map((report) => (
            <Stack key={`${report.visitedOn}-${report.receivedAt}`} gap={4}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  <FormattedDate value={report.visitedOn} />
                </Text>
                <Badge variant="light">{t(`repatriation.followUp.outlooks.${report.outlook}`)}</Badge>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {report.summary}
              </Text>
              <Text size="xs" c="dimmed">
                {t('repatriation.followUp.receivedAt')} <FormattedDate value={report.receivedAt} withTime />
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </RecordCard>
  );
}

/** The packets that carried this repatriation between the instances, in the order they were made. */
export function PacketsCard({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  if (repatriation.packets.length === 0) return null;
  return (
    <RecordCard title={t('repatriation.packets.title')}>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('repatriation.packets.at')}</Table.Th>
              <Table.Th>{t('repatriation.packets.kind')}</Table.Th>
              <Table.Th>{t('repatriation.packets.direction')}</Table.Th>
              <Table.Th>{t('repatriation.packets.sequence')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {repatriation.packets.map((packet) => (
              <Table.Tr key={packet.packetId}>
                <Table.Td>
                  <FormattedDate value={packet.at} withTime />
                </Table.Td>
                <Table.Td>{t(`federation.packetKind.${packet.kind}`)}</Table.Td>
                <Table.Td>{t(`federation.direction.${packet.direction}`)}</Table.Td>
                <Table.Td>{packet.sequence}</Table.Td>
                <Table.Td>
                  <DeliveryStatusBadge status={packet.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </RecordCard>
  );
}
