import { INCOME_BAND_LIST, SUPPORTED_LOCALES } from '@seamless/contracts';
import { scheduleReassessment } from '../assessments/reassessment.js';
import { domainScores, risksOf } from '../assessments/scoring.js';
import type { Tx } from '../db/client.js';
import {
  carePlanActions,
  carePlanGoals,
  carePlanVersions,
  careServices,
  caseAssessments,
  caseTasks,
  lookupLists,
} from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../followUp/schedule.js';
import type { DemoIds } from './demoIds.js';
import { REINTEGRATION_INSTRUMENT, seedReintegrationInstrument } from './reintegrationInstrument.js';

type Row = readonly [string, string, string, string, string, string, string, string];
const labels = (row: Row) => Object.fromEntries(SUPPORTED_LOCALES.map((locale, index) => [locale, row[index]!])) as Record<string, string>;

/** Monthly income bands (THB), configurable per country as the `income_band` picklist. */
const INCOME_BANDS: { value: string; labels: Row }[] = [
  {
    value: 'under_3000',
    labels: [
      'Under 3,000 a month',
      'ต่ำกว่า 3,000 ต่อเดือน',
      'ក្រោម 3,000 ក្នុងមួយខែ',
      'ຕ່ຳກວ່າ 3,000 ຕໍ່ເດືອນ',
      'တစ်လ 3,000 အောက်',
      'Dưới 3.000 mỗi tháng',
      '每月低于 3,000',
      '月 3,000 未満',
    ],
  },
  {
    value: '3000_5999',
    labels: [
      '3,000–5,999 a month',
      '3,000–5,999 ต่อเดือน',
      '3,000–5,999 ក្នុងមួយខែ',
      '3,000–5,999 ຕໍ່ເດືອນ',
      'တစ်လ 3,000–5,999',
      '3.000–5.999 mỗi tháng',
      '每月 3,000–5,999',
      '月 3,000〜5,999',
    ],
  },
  {
    value: '6000_9999',
    labels: [
      '6,000–9,999 a month',
      '6,000–9,999 ต่อเดือน',
      '6,000–9,999 ក្នុងមួយខែ',
      '6,000–9,999 ຕໍ່ເດືອນ',
      'တစ်လ 6,000–9,999',
      '6.000–9.999 mỗi tháng',
      '每月 6,000–9,999',
      '月 6,000〜9,999',
    ],
  },
  {
    value: 'from_10000',
    labels: [
      '10,000 or more a month',
      '10,000 ขึ้นไปต่อเดือน',
      '10,000 ឬច្រើនជាងក្នុងមួយខែ',
      '10,000 ຂຶ້ນໄປຕໍ່ເດືອນ',
      'တစ်လ 10,000 နှင့်အထက်',
      'Từ 10.000 trở lên mỗi tháng',
      '每月 10,000 或以上',
      '月 10,000 以上',
    ],
  },
];

/** Scores per item for three assessments months apart: better, then a setback in the economic domain. */
const SCORE_SETS: Record<string, number>[] = [
  {
    safety_home: 2,
    safety_traffickers: 2,
    health_physical: 2,
    health_access: 3,
    psychosocial_mood: 1,
    psychosocial_coping: 2,
    psychosocial_support: 2,
    economic_income: 1,
    economic_debt: 2,
    family_acceptance: 2,
    community_stigma: 2,
    education_access: 1,
    education_skills: 2,
    legal_documents: 1,
    legal_proceedings: 2,
  },
  {
    safety_home: 3,
    safety_traffickers: 3,
    health_physical: 3,
    health_access: 3,
    psychosocial_mood: 2,
    psychosocial_coping: 3,
    psychosocial_support: 3,
    economic_income: 3,
    economic_debt: 3,
    family_acceptance: 3,
    community_stigma: 2,
    education_access: 3,
    education_skills: 3,
    legal_documents: 2,
    legal_proceedings: 3,
  },
  {
    safety_home: 3,
    safety_traffickers: 3,
    health_physical: 3,
    health_access: 4,
    psychosocial_mood: 3,
    psychosocial_coping: 3,
    psychosocial_support: 3,
    economic_income: 2,
    economic_debt: 1,
    family_acceptance: 3,
    community_stigma: 3,
    education_access: 3,
    education_skills: 3,
    legal_documents: 3,
    legal_proceedings: 3,
  },
];

/**
 * Care plans and assessments for the demo: Chiang Rai's first case has a plan in its second
 * version with goals across service areas, actions (one with the shelter, which gets a task), services
 * with a livelihood outcome, and three assessments whose trend shows an economic setback.
 */
export async function seedDemoCare(tx: Tx, ids: DemoIds) {
  await tx
    .insert(lookupLists)
    .values({
      countryCode: ids.countryCode,
      listKey: INCOME_BAND_LIST,
      labels: labels([
        'Monthly income band',
        'ช่วงรายได้ต่อเดือน',
        'កម្រិតប្រាក់ចំណូលប្រចាំខែ',
        'ຊ່ວງລາຍໄດ້ຕໍ່ເດືອນ',
        'လစဉ်ဝင်ငွေ အဆင့်',
        'Mức thu nhập hằng tháng',
        '月收入区间',
        '月収の区分',
      ]),
      values: INCOME_BANDS.map((band, sort) => ({ value: band.value, labels: labels(band.labels), active: true, sort })),
    })
    .onConflictDoNothing();
  const instrumentId = await seedReintegrationInstrument(tx);

  const caseId = ids.caseIds[0]!;
  const chiangrai = ids.agencyIds.get('chiangrai')!;
  const shelter = ids.agencyIds.get('shelter')!;
  const socialworker = ids.userIds.get('chiangrai')!;
  const today = localToday(ids.countryCode, ids.now);
  const day = (offset: number) => addCalendarDays(today, offset);
  const recorded = { recordedBy: socialworker, recordedByAgencyId: chiangrai };

  const plan = {
    caseId,
    victimGoals: 'I want to go home to my mother safely, earn my own money with sewing, and finish school in the evenings.',
    agreementMethod: 'signed' as const,
    witnessedBy: 'Shelter nurse',
    ...recorded,
  };
  const [first] = await tx
    .insert(carePlanVersions)
    .values({ ...plan, version: 1, agreedOn: day(-120), reviewOn: day(-30), recordedAt: new Date(ids.now.getTime() - 120 * 86_400_000) })
    .returning({ id: carePlanVersions.id });
  await tx.insert(carePlanGoals).values({
    planVersionId: first!.id,
    caseId,
    position: 0,
    serviceArea: 'safe_housing',
    goal: 'A safe place to stay while the family is contacted.',
    status: 'open',
    recordedByAgencyId: chiangrai,
  });
  const [second] = await tx
    .insert(carePlanVersions)
    .values({ ...plan, version: 2, agreedOn: day(-30), reviewOn: day(60), recordedAt: new Date(ids.now.getTime() - 30 * 86_400_000) })
    .returning({ id: carePlanVersions.id });
  const goals = [
    { serviceArea: 'safe_housing', goal: 'Return home to her mother once the home assessment is positive.', status: 'achieved' as const },
    { serviceArea: 'economic_empowerment', goal: 'Earn a steady income from sewing.', status: 'open' as const },
    { serviceArea: 'psychosocial', goal: 'Sleep through the night and feel able to cope.', status: 'open' as const },
  ];
  const goalIds: string[] = [];
  for (const [position, goal] of goals.entries()) {
    const [row] = await tx
      .insert(carePlanGoals)
      .values({ planVersionId: second!.id, caseId, position, ...goal, recordedByAgencyId: chiangrai })
      .returning({ id: carePlanGoals.id });
    goalIds.push(row!.id);
  }
  const [task] = await tx
    .insert(caseTasks)
    .values({
      caseId,
      kind: 'care_action',
      title: 'Start-up kit for a home sewing business',
      dueOn: day(21),
      agencyId: shelter,
      createdBy: socialworker,
    })
    .returning({ id: caseTasks.id });
  const [kit] = await tx
    .insert(carePlanActions)
    .values([
      {
        goalId: goalIds[0]!,
        caseId,
        position: 0,
        what: 'Home and community assessment',
        responsibleAgencyId: chiangrai,
        responsiblePerson: 'Social worker',
        dueOn: day(-40),
        status: 'done',
        recordedByAgencyId: chiangrai,
      },
      {
        goalId: goalIds[1]!,
        caseId,
        position: 0,
        what: 'Vocational training in sewing',
        responsibleOrganisation: 'Provincial Skill Development Centre',
        dueOn: day(-10),
        status: 'done',
        recordedByAgencyId: chiangrai,
      },
      {
        goalId: goalIds[1]!,
        caseId,
        position: 1,
        what: 'Start-up kit for a home sewing business',
        responsibleAgencyId: shelter,
        dueOn: day(21),
        status: 'in_progress',
        taskId: task!.id,
        recordedByAgencyId: chiangrai,
      },
      {
        goalId: goalIds[2]!,
        caseId,
        position: 0,
        what: 'Counselling sessions every two weeks',
        responsibleAgencyId: chiangrai,
        responsiblePerson: 'Psychologist',
        dueOn: day(45),
        status: 'in_progress',
        recordedByAgencyId: chiangrai,
      },
    ])
    .returning({ actionKey: carePlanActions.actionKey });
  await tx.insert(careServices).values([
    {
      caseId,
      deliveredOn: day(-90),
      providerAgencyId: chiangrai,
      serviceArea: 'medical',
      description: 'Health check and vaccinations',
      costAmount: 1200,
      costCurrency: 'THB',
      ...recorded,
    },
    {
      caseId,
      deliveredOn: day(-12),
      providerName: 'Provincial Skill Development Centre',
      serviceArea: 'economic_empowerment',
      description: 'Three-month sewing course',
      costAmount: 8500,
      costCurrency: 'THB',
      actionKey: kit!.actionKey,
      outcome: 'in_training',
      incomeBand: 'under_3000',
      ...recorded,
    },
  ]);

  const scale = REINTEGRATION_INSTRUMENT;
  let previous: Record<string, number> | null = null;
  for (const [index, scores] of SCORE_SETS.entries()) {
    const scored = domainScores(scale, scores);
    await tx.insert(caseAssessments).values({
      caseId,
      instrumentId,
      assessedOn: day(-100 + index * 45),
      // Every domain at once is the team's work: each reader sees the domains of her own sections.
      assessorName: 'Case conference (social worker, nurse, psychologist), PSDHS Chiang Rai',
      scores,
      domainNotes: index === 2 ? { economic: 'Borrowed money for her brother’s school fees; the lender is pressing.' } : {},
      ...scored,
      risks: risksOf(scored.domainScores, previous, scale.scaleMin),
      ...recorded,
    });
    previous = scored.domainScores;
  }
  const lastAssessedOn = day(-100 + (SCORE_SETS.length - 1) * 45);
  await scheduleReassessment(tx, { caseId, agencyId: chiangrai, assessedOn: lastAssessedOn, userId: socialworker });
}
