import { Alert, Badge, Button, Card, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type Gender, matchLikelihoodOf, type PersonMatchCandidate } from '@seamless/contracts';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterAnchor } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { formatYear } from '../../lib/dates';
import { CaseStatusBadge } from '../cases/CaseBadges';
import { useCountryName } from '../countries/useCountries';
import type { PersonMatchQuery } from './api';
import { LIKELIHOOD_BAND_COLOURS, MatchReasonLists } from './MatchReasonLists';
import { usePersonMatches } from './queries';

export interface PossibleMatchesPanelProps {
  name: string;
  birthdate?: string | null;
  /** When only an estimated age is known. */
  birthYear?: number | null;
  citizenship?: string | null;
  gender?: Gender | null;
  documentNumber?: string | null;
  phone?: string | null;
  /** The person being edited, who must not be proposed as a match of herself. */
  excludePersonId?: string | null;
  /** Offered as "same person" on each candidate when given. */
  onPick?: (candidate: PersonMatchCandidate) => void;
  pickedPersonId?: string | null;
}

/** Shorter names than this match too loosely to be worth a request while the worker types. */
const MIN_NAME_LENGTH = 2;
const TYPING_PAUSE_MS = 400;

const CLOSED_STATUSES = new Set(['Closed', 'ClosedReferred']);

const optional = (value: string | null | undefined) => value?.trim() || undefined;

function matchQuery(props: PossibleMatchesPanelProps): PersonMatchQuery | null {
  const name = props.name.trim();
  if (name.length < MIN_NAME_LENGTH) return null;
  return {
    name,
    birthdate: optional(props.birthdate),
    birthYear: props.birthdate ? undefined : (props.birthYear ?? undefined),
    citizenship: optional(props.citizenship),
    gender: props.gender ?? undefined,
    documentNumber: optional(props.documentNumber),
    phone: optional(props.phone),
    excludePersonId: props.excludePersonId ?? undefined,
  };
}

/** Bar colour by likelihood band: the same scale as the words beside it. */

interface CandidateCardProps {
  candidate: PersonMatchCandidate;
  picked: boolean;
  onPick?: (candidate: PersonMatchCandidate) => void;
}

function CandidateCard({ candidate, picked, onPick }: CandidateCardProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const locale = useLocale();
  const countryName = useCountryName();
  const [primaryName, ...otherNames] = candidate.names;
  const percent = Math.round(candidate.score * 100);
  const likelihood = matchLikelihoodOf(candidate.score);
  const returning = candidate.cases.some((kase) => CLOSED_STATUSES.has(kase.status));
  const facts = [
    candidate.pseudonym,
    candidate.birthYear === null ? null : t('caseload.matches.born', { year: formatYear(candidate.birthYear, locale) }),
    candidate.citizenship.map(countryName).join(', ') || null,
  ].filter(Boolean);

  return (
    <Card withBorder padding="sm" radius="md" bg={picked ? 'var(--mantine-color-blue-light)' : undefined} component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={700} size="sm" id={nameId}>
              {primaryName ?? candidate.pseudonym}
            </Text>
            {otherNames.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('caseload.matches.alsoKnownAs', { names: otherNames.join(', ') })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {facts.join(' · ')}
            </Text>
          </div>
          {picked && <Badge color="blue">{t('caseload.matches.picked')}</Badge>}
        </Group>
        <Progress value={percent} size="sm" color={LIKELIHOOD_BAND_COLOURS[likelihood]} aria-hidden="true" />
        <Text size="xs" fw={600}>
          {t(`matching.likelihood.${likelihood}`, { score: candidate.score })}
        </Text>
        {returning && (
          <Alert color="grape" variant="light" p="xs" title={t('caseload.matches.returningTitle')}>
            <Text size="xs">{t('caseload.matches.returningText')}</Text>
          </Alert>
        )}
        <MatchReasonLists reasons={candidate.reasons} />
        <Stack gap={4}>
          <Text size="xs" fw={700}>
            {t('matching.cases')}
          </Text>
          {candidate.cases.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('matching.noCases')}
            </Text>
          )}
          {candidate.cases.map((kase) => (
            <Group key={kase.id} gap="xs" wrap="nowrap">
              {/* A new tab, so that the intake being typed is not lost. */}
              <RouterAnchor to="/cases/$caseId" params={{ caseId: kase.id }} target="_blank" rel="noopener" size="xs">
                {kase.reference}
              </RouterAnchor>
              <CaseStatusBadge status={kase.status} />
            </Group>
          ))}
        </Stack>
        {onPick && !picked && (
          <Button size="compact-sm" variant="light" onClick={() => onPick(candidate)} aria-describedby={nameId}>
            {t('matching.useThisPerson')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/**
 * "Is this person already known?", asked while the worker types: the people the reader may see
 * who could be the same, why each is proposed, and those with a closed case — someone who
 * comes back may have been trafficked again.
 */
export function PossibleMatchesPanel(props: PossibleMatchesPanelProps) {
  const { t } = useTranslation();
  const { name, birthdate, birthYear, citizenship, gender, documentNumber, phone, excludePersonId } = props;
  const criteria = useMemo(
    () => matchQuery({ name, birthdate, birthYear, citizenship, gender, documentNumber, phone, excludePersonId }),
    [name, birthdate, birthYear, citizenship, gender, documentNumber, phone, excludePersonId],
  );
  const [settled] = useDebouncedValue(criteria, TYPING_PAUSE_MS);
  const matches = usePersonMatches(settled);
  const candidates = settled ? (matches.data?.candidates ?? []) : [];

  let status: string;
  if (!settled) status = t('caseload.matches.idle');
  else if (matches.isError) status = '';
  else if (matches.isPending) status = t('matching.searching');
  else if (candidates.length === 0) status = t('matching.empty');
  else status = t('matching.intro');

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="possible-matches-title">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id="possible-matches-title">
          {t('matching.title')}
        </Title>
        {settled && matches.isFetching && <Loader size="xs" aria-hidden="true" />}
      </Group>
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {status}
      </Text>
      {settled && matches.data?.searchedOnlyVisible && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('matchingScope.note')}
        </Text>
      )}
      {settled && matches.isError && <ProblemAlert error={matches.error} />}
      <Stack gap="sm">
        {candidates.map((candidate) => (
          <CandidateCard
            key={candidate.personId}
            candidate={candidate}
            picked={candidate.personId === props.pickedPersonId}
            onPick={props.onPick}
          />
        ))}
      </Stack>
    </Card>
  );
}
