import {
  admissionSchema,
  caseShelterSchema,
  dischargeSchema,
  shelterDetailSchema,
  shelterFacilityInputSchema,
  shelterFacilitySchema,
  shelterFacilityUpdateSchema,
  shelterListSchema,
  shelterResidentListSchema,
  shelterUnitInputSchema,
  shelterUnitUpdateSchema,
  transferSchema,
} from '@seamless/contracts';
import { z } from 'zod';

const caseParams = z.object({ id: z.string().uuid() }).strict();
const facilityParams = z.object({ shelterId: z.string().uuid() }).strict();
const unitParams = z.object({ shelterId: z.string().uuid(), unitId: z.string().uuid() }).strict();

export const shelterListRouteSchema = { tags: ['shelters'], response: { 200: shelterListSchema } };
export const shelterResidentsRouteSchema = { tags: ['shelters'], response: { 200: shelterResidentListSchema } };
export const shelterGetRouteSchema = { tags: ['shelters'], params: facilityParams, response: { 200: shelterDetailSchema } };
export const shelterCreateRouteSchema = { tags: ['shelters'], body: shelterFacilityInputSchema, response: { 201: shelterFacilitySchema } };
export const shelterUpdateRouteSchema = {
  tags: ['shelters'],
  params: facilityParams,
  body: shelterFacilityUpdateSchema,
  response: { 200: shelterFacilitySchema },
};
export const shelterUnitCreateRouteSchema = {
  tags: ['shelters'],
  params: facilityParams,
  body: shelterUnitInputSchema,
  response: { 201: shelterFacilitySchema },
};

export const shelterUnitUpdateRouteSchema = {
  tags: ['shelters'],
  params: unitParams,
  body: shelterUnitUpdateSchema,
  response: { 200: shelterFacilitySchema },
};

export const caseShelterGetRouteSchema = { tags: ['shelters'], params: caseParams, response: { 200: caseShelterSchema } };
export const admitRouteSchema = { tags: ['shelters'], params: caseParams, body: admissionSchema, response: { 201: caseShelterSchema } };
export const transferRouteSchema = { tags: ['shelters'], params: caseParams, body: transferSchema, response: { 200: caseShelterSchema } };
export const dischargeRouteSchema = { tags: ['shelters'], params: caseParams, body: dischargeSchema, response: { 200: caseShelterSchema } };
