import { type CareServiceInput, INCOME_BAND_LIST, sectionOfServiceArea } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { agencies, carePlanActions, careServices, lookupLists } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { fieldError } from '../http/problem.js';
import { careReach, recordsArea } from '../policies/care.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { assertCaseOpen } from './recordInterview.js';

/** A service delivered to the person: who provided it, what it cost, and where livelihood support led. */
export async function recordCareService(context: CaseContext, input: CareServiceInput) {
  const { tx, actor, view, audit } = context;
  assertCaseOpen(view);
  if (!recordsArea(careReach(actor, view.involvement), input.serviceArea)) {
    throw fieldError(403, 'forbidden', 'serviceArea', 'Your role or agency does not hold the section of this service area.');
  }
  if (input.providerAgencyId) {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.providerAgencyId));
    if (!agency) throw fieldError(422, 'invalid_reference', 'providerAgencyId', 'No such agency.');
  }
  if (input.actionKey) {
    const [action] = await tx
      .select({ id: carePlanActions.id })
      .from(carePlanActions)
      .where(and(eq(carePlanActions.caseId, view.kase.id), eq(carePlanActions.actionKey, input.actionKey)))
      .limit(1);
    if (!action) throw fieldError(422, 'invalid_reference', 'actionKey', 'Not an action of this case’s plan.');
  }
  if (input.incomeBand) {
    // Bands are the case country's picklist, so a figure means the same across its reports.
    const [list] = await tx
      .select({ values: lookupLists.values })
      .from(lookupLists)
      .where(and(eq(lookupLists.countryCode, view.kase.countryCode), eq(lookupLists.listKey, INCOME_BAND_LIST)));
    if (!list?.values.some((band) => band.value === input.incomeBand && band.active)) {
      throw fieldError(422, 'invalid_reference', 'incomeBand', 'Not an income band of this country.');
    }
  }
  const [service] = await tx
    .insert(careServices)
    .values({
      caseId: view.kase.id,
      deliveredOn: input.deliveredOn,
      providerAgencyId: input.providerAgencyId ?? null,
      providerName: input.providerName || null,
      serviceArea: input.serviceArea,
      description: input.description,
      costAmount: input.costAmount ?? null,
      costCurrency: input.costCurrency ?? null,
      actionKey: input.actionKey ?? null,
      outcome: input.outcome ?? null,
      incomeBand: input.incomeBand || null,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    })
    .returning();
  await recordCaseEvent(
    tx,
    actor,
    view.kase.id,
    'care_service.recorded',
    { serviceId: service!.id, serviceArea: input.serviceArea },
    // Under the service's own section: a medical service is not news for every care reader.
    sectionOfServiceArea(input.serviceArea),
  );
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { part: 'care_service', serviceId: service!.id },
  });
  return service!;
}
