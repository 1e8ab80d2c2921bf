import type { MatchReason } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';

/** Reasons that speak against a match, shown apart from those that speak for it. */
export const AGAINST_REASONS: ReadonlySet<MatchReason['code']> = new Set(['birth_year_differs', 'citizenship_differs', 'gender_differs']);

/** One reason in words, from its code in the matching catalogue. */
export function MatchReasonText({ reason }: { reason: MatchReason }) {
  const { t } = useTranslation();
  // The reason's own parameters (difference, parts) fill the catalogue's message; scripts are named in the reader's language.
  const scripts =
    'queryScript' in reason
      ? { queryScript: t(`matching.script.${reason.queryScript}`), candidateScript: t(`matching.script.${reason.candidateScript}`) }
      : {};
  return <>{t(`matching.reason.${reason.code}`, { ...reason, ...scripts })}</>;
}
