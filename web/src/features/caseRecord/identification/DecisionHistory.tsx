import { Badge, Box, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { type CaseDetail, documentLanguageOf, type Locale, type StatusDecisionRecord, SUPPORTED_LOCALES } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useLocale } from '../../../i18n/useLocale';
import { formatDate } from '../../../lib/dates';
import { TraffickingStatusBadge } from '../../cases/CaseBadges';
import { caseRecordApi } from '../api';
import { useDownload } from '../queries';
import { certifiableDecisionId } from '../statusDecision';

type CertificateDownload = {
  certifiable: string | null;
  readIdentity: boolean;
  start: (decisionId: string) => void;
  busyWith: string | null;
};

function StatusChange({ decision, wrap = 'nowrap' }: { decision: StatusDecisionRecord; wrap?: 'wrap' | 'nowrap' }) {
  return (
    <Group gap={4} wrap={wrap}>
      <TraffickingStatusBadge status={decision.fromStatus} />
      <Text span aria-hidden>
        →
      </Text>
      <TraffickingStatusBadge status={decision.toStatus} />
    </Group>
  );
}

function CertificateCell({
  decision,
  download,
  narrow = false,
}: {
  decision: StatusDecisionRecord;
  download: CertificateDownload;
  narrow?: boolean;
}) {
  const { t } = useTranslation();
  if (!decision.certificateNumber && decision.id !== download.certifiable) return null;
  return (
    <Stack gap={4} align="flex-start">
      {decision.certificateNumber && (
        <Badge variant="outline" color="dark" style={{ textTransform: 'none' }}>
          {decision.certificateNumber}
        </Badge>
      )}
      {decision.id !== download.certifiable ? (
        <Text size="xs" c="dimmed">
          {t('caseRecord.decision.superseded')}
        </Text>
      ) : download.readIdentity ? (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => download.start(decision.id)}
          loading={download.busyWith === decision.id}
          // On a phone the label wraps inside the card rather than running out of it (Burmese labels are long).
          {...(narrow ? { fullWidth: true, h: 'auto', py: 4, styles: { label: { whiteSpace: 'normal' } } } : {})}
        >
          {t('caseRecord.decision.downloadCertificate')}
        </Button>
      ) : (
        <Text size="xs" c="dimmed">
          {t('caseRecord.decision.certificateNeedsIdentity')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The certificate's language, chosen before downloading: by default the person's own
 * (documentLanguageOf), with the reason it was suggested.
 */
function CertificateLanguage({ detail, value, onChange }: { detail: CaseDetail; value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  const suggestion = documentLanguageOf(detail.person, useLocale());
  return (
    <Select
      maw={420}
      label={t('documents.certificate.language')}
      description={t(`documents.certificate.suggested.${suggestion.source}`, { language: t(`language.${suggestion.locale}`) })}
      data={SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
      value={value}
      allowDeselect={false}
      onChange={(code) => code && onChange(code as Locale)}
    />
  );
}

/**
 * Status decisions, latest first, with the certificate of the one in force: a table on wide
 * screens, one card per decision on a phone or a small tablet (nothing to scroll sideways).
 */
export function DecisionHistory({ detail, decisions }: { detail: CaseDetail; decisions: StatusDecisionRecord[] }) {
  const { t } = useTranslation();
  const uiLocale = useLocale();
  const [locale, setLocale] = useState<Locale>(documentLanguageOf(detail.person, uiLocale).locale);
  const certifiable = certifiableDecisionId(decisions, detail.traffickingStatus);
  const mutation = useDownload((decisionId: string) => caseRecordApi.downloadCertificate(detail.id, decisionId, detail.reference, locale));
  const download: CertificateDownload = {
    certifiable,
    readIdentity: detail.abilities.readIdentity,
    start: (decisionId) => mutation.mutate(decisionId),
    busyWith: mutation.isPending ? (mutation.variables ?? null) : null,
  };
  const sorted = [...decisions].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  if (sorted.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('caseRecord.decision.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {certifiable && detail.abilities.readIdentity && <CertificateLanguage detail={detail} value={locale} onChange={setLocale} />}
      <Box visibleFrom="md">
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('caseRecord.decision.decidedOn')}</Table.Th>
              <Table.Th>{t('caseRecord.decision.change')}</Table.Th>
              <Table.Th>{t('caseRecord.decision.decidingAgency')}</Table.Th>
              <Table.Th>{t('caseRecord.decision.reasons')}</Table.Th>
              <Table.Th>{t('caseRecord.decision.certificate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((decision) => (
              <Table.Tr key={decision.id}>
                <Table.Td>
                  <FormattedDate value={decision.decidedOn} />
                </Table.Td>
                <Table.Td>
                  <StatusChange decision={decision} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{decision.decidingAgencyName}</Text>
                  <Text size="xs" c="dimmed">
                    {decision.decidedByName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {decision.reasons}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CertificateCell decision={decision} download={download} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack gap="sm" hiddenFrom="md">
        {sorted.map((decision) => (
          <Card
            key={decision.id}
            withBorder
            padding="sm"
            component="article"
            aria-label={t('documents.certificate.decisionOf', { date: formatDate(decision.decidedOn, uiLocale) })}
          >
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                <FormattedDate value={decision.decidedOn} />
              </Text>
              <StatusChange decision={decision} wrap="wrap" />
              <Text size="sm">{decision.decidingAgencyName}</Text>
              <Text size="xs" c="dimmed">
                {decision.decidedByName}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {decision.reasons}
              </Text>
              <CertificateCell decision={decision} download={download} narrow />
            </Stack>
          </Card>
        ))}
      </Stack>
      <ProblemAlert error={mutation.error} />
    </Stack>
  );
}
