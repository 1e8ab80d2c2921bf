import { Stack, Tabs } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useLocation, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { RecordPageSkeleton } from '../../components/Skeletons';
import { useMe } from '../auth/MeContext';
import { CareTab } from '../carePlan/CareTab';
import { CaseActionBar } from '../caseRecord/CaseActionBar';
import { CaseHeader } from '../caseRecord/CaseHeader';
import { CaseNotVisible } from '../caseRecord/CaseNotVisible';
import { type CaseTab, caseTabsFor, tabFromHash } from '../caseRecord/caseTabs';
import { ConsentTab } from '../caseRecord/consent/ConsentTab';
import { IdentificationTab } from '../caseRecord/identification/IdentificationTab';
import { NotesTab } from '../caseRecord/notes/NotesTab';
import { OverviewTab } from '../caseRecord/overview/OverviewTab';
import { useCaseDetail } from '../caseRecord/queries';
import { TimelineTab } from '../caseRecord/timeline/TimelineTab';
import { CrossBorderReferralsTab } from '../crossBorderReferral/CrossBorderReferralsTab';
import { FollowUpTab } from '../followUp/FollowUpTab';
import { ReferralsTab } from '../referrals/ReferralsTab';
import { RepatriationsTab } from '../repatriation/RepatriationsTab';
import { ShelterTab } from '../shelters/ShelterTab';
import classes from './CasePage.module.css';

const PANELS = {
  overview: OverviewTab,
  identification: IdentificationTab,
  consent: ConsentTab,
  notes: NotesTab,
  timeline: TimelineTab,
  care: CareTab,
  followUp: FollowUpTab,
  shelter: ShelterTab,
  referrals: ReferralsTab,
  repatriation: RepatriationsTab,
  crossBorderReferrals: CrossBorderReferralsTab,
} as const;

interface CaseTabsProps {
  detail: CaseDetail;
  tab: CaseTab;
  onSelect: (tab: CaseTab) => void;
}

/**
 * The record in tabs. A tab's content is fetched the first time it is opened (each read of victim
 * data is audited, so nothing is read that nobody looked at) and is kept afterwards, so switching
 * tabs does not lose what a user was typing. Keyed by case: forms never carry one case's input
 * over to another.
 */
function CaseTabs({ detail, tab: asked, onSelect }: CaseTabsProps) {
  const { t } = useTranslation();
  const tabs = caseTabsFor(useMe());
  const tab = tabs.includes(asked) ? asked : 'overview';
  const [visited, setVisited] = useState<ReadonlySet<CaseTab>>(() => new Set([tab]));
  const select = (value: string | null) => {
    const next = tabFromHash(value ?? undefined);
    setVisited((current) => new Set([...current, next]));
    onSelect(next);
  };
  return (
    <Tabs value={tab} onChange={select} keepMounted>
      <Tabs.List className={classes.tabList}>
        {tabs.map((name) => (
          <Tabs.Tab key={name} value={name}>
            {t(`caseRecord.tabs.${name}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((name) => {
        const Panel = PANELS[name];
        return (
          <Tabs.Panel key={name} value={name} pt="md">
            {(visited.has(name) || name === tab) && <Panel detail={detail} />}
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}

/** One case: who it is about and where it stands, then the record in tabs (the current one in the URL hash). */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/signed-in/cases/$caseId' });
  const hash = useLocation({ select: (location) => location.hash });
  const navigate = useNavigate();
  const detail = useCaseDetail(caseId);
  const selectTab = (tab: CaseTab) => void navigate({ to: '/cases/$caseId', params: { caseId }, hash: tab, replace: true });

  return (
    <Stack gap="xs">
      <RouterAnchor to="/cases" search={{}} size="sm">
        {t('cases.backToList')}
      </RouterAnchor>
      {detail.isError && detail.error instanceof ApiProblem && detail.error.status === 404 ? (
        <CaseNotVisible caseId={caseId} error={detail.error} />
      ) : (
        <QueryState query={detail} loading={<RecordPageSkeleton />}>
          {(data) => (
            <>
              <CaseHeader key={data.id} detail={data} />
              <CaseTabs key={data.id} detail={data} tab={tabFromHash(hash)} onSelect={selectTab} />
              <CaseActionBar key={`actions-${data.id}`} detail={data} />
            </>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
