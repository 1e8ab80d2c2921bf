import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail, PersonMatchCandidate } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { PossibleMatchesPanel } from '../../matching/PossibleMatchesPanel';
import { useMergePerson } from '../queries';

const isMergeRequest = (outcome: unknown) => typeof outcome === 'object' && outcome !== null && 'kind' in outcome;

/**
 * Other records that may be the same person (a returning or re-trafficked person), found by the
 * identity this reader may see. Searched only on request: each search reads other people's data
 * and is audited. Whoever may merge can join such a record to this one.
 */
export function PossibleDuplicatesCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [candidate, setCandidate] = useState<PersonMatchCandidate | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const [requested, setRequested] = useState(false);
  const [searching, setSearching] = useState(false);
  const merge = useMergePerson(detail.person.id);
  const identity = detail.sections.identity;
  if (!identity) return null;
  const name = [identity.givenName, identity.familyName].filter(Boolean).join(' ');
  const close = () => {
    setCandidate(null);
    merge.reset();
  };

  return (
    <Stack gap="xs">
      {merged && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setMerged(null)}>
          {t('caseRecord.duplicates.merged', { pseudonym: merged })}
        </Alert>
      )}
      {requested && (
        <Alert color="blue" variant="light" role="status" withCloseButton onClose={() => setRequested(false)}>
          {t('mergeRequests.sentFromCase')}
        </Alert>
      )}
      {!searching && (
        <Card withBorder padding="lg">
          <Title order={2} size="h5" mb="xs">
            {t('caseRecord.duplicates.heading')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('caseRecord.duplicates.intro')}
          </Text>
          <Button variant="light" size="xs" onClick={() => setSearching(true)}>
            {t('caseRecord.duplicates.find')}
          </Button>
        </Card>
      )}
      {searching && (
        <PossibleMatchesPanel
          name={name}
          birthdate={identity.birthDate}
          birthYear={identity.birthDate ? null : detail.person.birthYear}
          citizenship={detail.person.citizenship[0] ?? null}
          gender={detail.person.gender}
          documentNumber={identity.documents[0]?.number ?? null}
          phone={identity.contacts.find((contact) => contact.kind === 'phone')?.value ?? null}
          excludePersonId={detail.person.id}
          onPick={detail.abilities.merge ? setCandidate : undefined}
        />
      )}
      <Modal opened={candidate !== null} onClose={close} title={t('caseRecord.duplicates.title')}>
        {candidate && (
          <Stack>
            <Text size="sm">{t('caseRecord.duplicates.explain', { pseudonym: candidate.pseudonym })}</Text>
            {candidate.cases.length > 0 && (
              <Text size="sm">{t('caseRecord.duplicates.cases', { cases: candidate.cases.map((item) => item.reference).join(', ') })}</Text>
            )}
            <Text size="sm" c="dimmed">
              {t('caseRecord.duplicates.undo')}
            </Text>
            <ProblemAlert error={merge.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                color="orange"
                loading={merge.isPending}
                onClick={() =>
                  merge.mutate(candidate.personId, {
                    // 202: the merge needs the decision of agencies holding cases this reader does not.
                    onSuccess: (outcome) => {
                      if (isMergeRequest(outcome)) setRequested(true);
                      else setMerged(candidate.pseudonym);
                      close();
                    },
                  })
                }
              >
                {t('caseRecord.duplicates.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
