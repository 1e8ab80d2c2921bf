import { SimpleGrid, Stack } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { CaseMeetingsCard } from '../../caseMeetings/CaseMeetingsCard';
import { KeptValuesCard } from '../../htcdsExchange/KeptValuesCard';
import { CaseJourney } from '../journey/CaseJourney';
import { CaseManagementCard } from './CaseManagementCard';
import { CountryFormCard } from './CountryFormCard';
import { IntakeCard } from './IntakeCard';
import { PerpetratorsCard } from './PerpetratorsCard';
import { PersonCard } from './PersonCard';
import { PossibleDuplicatesCard } from './PossibleDuplicatesCard';
import { SectionAccessCard } from './SectionAccessCard';
import { TraffickingEventsCard } from './TraffickingEventsCard';
import { VictimContextCard } from './VictimContextCard';

export function OverviewTab({ detail }: { detail: CaseDetail }) {
  return (
    <Stack gap="lg">
      <CaseJourney detail={detail} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <PersonCard detail={detail} />
          <PossibleDuplicatesCard detail={detail} />
        </Stack>
        <Stack gap="lg">
          <SectionAccessCard detail={detail} />
          <IntakeCard detail={detail} />
          <CaseMeetingsCard caseId={detail.id} />
          {detail.abilities.update && <CaseManagementCard detail={detail} />}
        </Stack>
      </SimpleGrid>
      <VictimContextCard detail={detail} />
      <CountryFormCard detail={detail} />
      <KeptValuesCard detail={detail} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <TraffickingEventsCard detail={detail} />
        <PerpetratorsCard detail={detail} />
      </SimpleGrid>
    </Stack>
  );
}
