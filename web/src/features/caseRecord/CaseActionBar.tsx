import type { CaseDetail } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { PhoneActionBar } from '../../components/PhoneActionBar';
import { useMe } from '../auth/MeContext';
import { NextActionButton } from './journey/CaseJourney';
import { currentStep, nextAction } from './journey/journey';
import { canTakeCase, TakeCaseButton } from './TakeCaseButton';

/**
 * On a phone, the case's main actions (take it, the journey's next step) at the bottom of the screen on every
 * tab; on a wider screen they stay in the header and the journey card.
 */
export function CaseActionBar({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const hasNext = nextAction(detail, currentStep(detail), useMe()).kind === 'act';
  if (!hasNext && !canTakeCase(detail)) return null;
  return (
    <PhoneActionBar label={t('caseRecord.header.actions')}>
      <TakeCaseButton detail={detail} />
      <NextActionButton detail={detail} />
    </PhoneActionBar>
  );
}
