import { Card, Code, DataList, Group, Text, Title } from '@mantine/core';
import type { CaseDetail, HtcdsKeptValue } from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { Field } from '../caseRecord/common/Field';
import { caseKeys } from '../cases/queries';
import { htcdsExchangeApi } from './api';

/**
 * What an HTCDS file said of the case that no record here holds, exactly as the file wrote it.
 * It can name or locate her, so it is shown only to those who read her identity; a case that
 * was not imported (or whose file said nothing more) shows no card at all.
 */
export function KeptValuesCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const readable = detail.abilities.readIdentity;
  const { data } = useQuery({
    queryKey: [...caseKeys.detail(detail.id), 'htcdsValues'],
    queryFn: () => htcdsExchangeApi.keptValues(detail.id),
    enabled: readable,
  });
  if (!readable || !data?.items.length) return null;
  const shown = (value: HtcdsKeptValue) =>
    typeof value === 'boolean' ? t(value ? 'htcdsExchange.kept.yes' : 'htcdsExchange.kept.no') : String(value);
  return (
    <Card withBorder padding="lg" aria-label={t('htcdsExchange.kept.title')}>
      <Title order={2} size="h4">
        {t('htcdsExchange.kept.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('htcdsExchange.kept.hint')} {data.importedAt && <FormattedDate value={data.importedAt} />}
      </Text>
      <DataList>
        {data.items.map((item) => (
          <Field key={item.field} label={t(`htcdsExchange.kept.column.${item.field as 'org_Name'}`, { defaultValue: item.label })}>
            <Group gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {shown(item.value)}
              </Text>
              <Code>{item.field}</Code>
            </Group>
          </Field>
        ))}
      </DataList>
    </Card>
  );
}
