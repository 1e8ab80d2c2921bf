import { Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../../../components/RouterLinks';
import { useLocale } from '../../../i18n/useLocale';
import { formatDate } from '../../../lib/dates';
import { usePhoneLayout } from '../../../lib/usePhoneLayout';
import { useMe } from '../../auth/MeContext';
import classes from './CaseJourney.module.css';
import { currentStep, journeySteps, type NextAction, nextAction, stepStates } from './journey';

/** Where the case is in its journey (DESIGN.md §2) and what this user does next, with a way there. */
export function CaseJourney({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const steps = journeySteps(detail);
  const current = currentStep(detail);
  const states = stepStates(steps, current);
  const position = steps.indexOf(current) + 1;
  const next = nextAction(detail, current, me);
  const phone = usePhoneLayout();
  return (
    <Card withBorder padding="md" data-testid="case-journey">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t('journey.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('journey.progress', { current: position, total: steps.length })}
          </Text>
        </Group>
        <ol className={classes.steps}>
          {steps.map((step) => (
            <li
              key={step}
              className={classes.step}
              data-state={states[step]}
              aria-current={states[step] === 'current' ? 'step' : undefined}
              aria-label={t(`journey.state.${states[step]}`, { step: t(`journey.step.${step}`) })}
            >
              <span className={classes.bar} aria-hidden />
              <span className={classes.label}>{t(`journey.step.${step}`)}</span>
            </li>
          ))}
        </ol>
        <Text fw={600} hiddenFrom="md" aria-hidden>
          {t(`journey.step.${current}`)}
        </Text>
        <NextStep detail={detail} next={next} withButton={!phone} />
      </Stack>
    </Card>
  );
}

/** The journey's next action for this user, as a button to the tab where it is done; nothing when she has none. */
export function NextActionButton({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const next = nextAction(detail, currentStep(detail), useMe());
  if (next.kind !== 'act') return null;
  return (
    <RouterButton
      to="/cases/$caseId"
      params={{ caseId: detail.id }}
      hash={next.tab}
      replace
      classNames={{ root: classes.action, label: classes.actionLabel }}
      data-testid="journey-next-action"
    >
      {t(`journey.action.${next.action}`)}
    </RouterButton>
  );
}

/** On a phone the button itself is in the case's action bar at the bottom of the screen (CaseActionBar). */
function NextStep({ detail, next, withButton }: { detail: CaseDetail; next: NextAction; withButton: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (next.kind === 'none') return <Text size="sm">{t('journey.closed')}</Text>;
  if (next.kind === 'others') {
    return <Text size="sm">{t('journey.others', { step: t(`journey.step.${next.step}`), agency: next.agencyName })}</Text>;
  }
  return (
    <Box>
      <Text size="sm" c="dimmed" mb={4}>
        {t('journey.nextTitle')}
      </Text>
      <Group gap="sm" wrap="wrap">
        {withButton ? <NextActionButton detail={detail} /> : <Text fw={600}>{t(`journey.action.${next.action}`)}</Text>}
        {next.dueOn && (
          <Text size="sm" fw={600}>
            {t('journey.due', { date: formatDate(next.dueOn, locale) })}
          </Text>
        )}
      </Group>
    </Box>
  );
}
