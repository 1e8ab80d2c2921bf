import { List, Text } from '@mantine/core';
import type { MatchReason } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { AGAINST_REASONS, MatchReasonText } from './MatchReasonText';

/** The colour of each likelihood band, wherever a possible match is shown. */
export const LIKELIHOOD_BAND_COLOURS = { very_likely: 'red', likely: 'orange', possible: 'yellow', unlikely: 'gray' } as const;

/** A possible match's reasons in words: those for it, then apart those against it. */
export function MatchReasonLists({ reasons }: { reasons: readonly MatchReason[] }) {
  const { t } = useTranslation();
  const forReasons = reasons.filter((reason) => !AGAINST_REASONS.has(reason.code));
  const againstReasons = reasons.filter((reason) => AGAINST_REASONS.has(reason.code));
  return (
    <>
      {forReasons.length > 0 && (
        <List size="xs" spacing={2} aria-label={t('matching.reasons')}>
          {forReasons.map((reason) => (
            <List.Item key={reason.code}>
              <MatchReasonText reason={reason} />
            </List.Item>
          ))}
        </List>
      )}
      {againstReasons.length > 0 && (
        <>
          <Text size="xs" fw={700} c="orange.8">
            {t('caseload.matches.against')}
          </Text>
          <List size="xs" spacing={2} c="orange.8">
            {againstReasons.map((reason) => (
              <List.Item key={reason.code}>
                <MatchReasonText reason={reason} />
              </List.Item>
            ))}
          </List>
        </>
      )}
    </>
  );
}
