import { z } from 'zod';
import { ORGANISATION_TYPES } from './htcds.js';
import { pageOf } from './pagination.js';
import { countryCode, plainText } from './plausibility.js';
import { DIRECTORY_TARGET_SEXES, SERVICE_AREAS, SPOKEN_LANGUAGES } from './vocabulary.js';

/** HTCDS organisation types plus the international organisations that run much of the region's support. */
export const DIRECTORY_ORGANISATION_TYPES = [...ORGANISATION_TYPES, 'InternationalOrganisation'] as const;
export type DirectoryOrganisationType = (typeof DIRECTORY_ORGANISATION_TYPES)[number];

/** A contact unverified for this many days is flagged for checking (about six months). */
export const CONTACT_VERIFICATION_DAYS = 183;

// Lists and flags are defaulted only when creating: an update leaves out what it does not change.
const languages = z.array(z.enum(SPOKEN_LANGUAGES)).max(20);
const places = z.array(plainText(100, { min: 1 })).max(100);
const targetSexes = z.array(z.enum(DIRECTORY_TARGET_SEXES)).max(DIRECTORY_TARGET_SEXES.length);
const nationalities = z.array(countryCode).max(50);
const optionalText = (max: number) => plainText(max).nullable().optional();
const age = z.number().int().min(0).max(120).nullable().optional();
const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()-]{3,40}$/, 'Digits, spaces, brackets and dashes, optionally starting with +')
  .nullable()
  .optional();
const messagingId = z
  .string()
  .trim()
  .max(100)
  .regex(/^[\p{L}\p{N}+@._ -]+$/u, 'Letters, digits and + @ . _ - only')
  .nullable()
  .optional();
const website = z
  .string()
  .trim()
  .max(300)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'An http or https address')
  .nullable()
  .optional();

const organisationFields = z.object({
  agencyId: z.string().uuid().nullable().optional(),
  name: plainText(200, { min: 1 }),
  localName: optionalText(200),
  organisationType: z.enum(DIRECTORY_ORGANISATION_TYPES),
  countryCode,
  province: optionalText(100),
  district: optionalText(100),
  address: optionalText(500),
  website,
  hours: optionalText(200),
  languages,
  notes: optionalText(2000),
  active: z.boolean(),
});
export const directoryOrganisationInputSchema = organisationFields
  .extend({ languages: languages.default([]), active: z.boolean().default(true) })
  .strict();
export type DirectoryOrganisationInput = z.infer<typeof directoryOrganisationInputSchema>;
export const directoryOrganisationUpdateSchema = organisationFields
  .omit({ agencyId: true })
  .partial()
  .extend({ version: z.number().int() })
  .strict();
export type DirectoryOrganisationUpdate = z.infer<typeof directoryOrganisationUpdateSchema>;

const serviceFields = z.object({
  serviceArea: z.enum(SERVICE_AREAS),
  description: plainText(2000, { min: 1 }),
  localDescription: optionalText(2000),
  coverageProvinces: places,
  coverageDistricts: places,
  targetSexes,
  minAge: age,
  maxAge: age,
  nationalities,
  languages,
  hours: optionalText(200),
  capacityNote: optionalText(500),
  costNote: optionalText(500),
  active: z.boolean(),
});
const agesInOrder = (value: { minAge?: number | null; maxAge?: number | null }) =>
  value.minAge == null || value.maxAge == null || value.minAge <= value.maxAge;
const ageOrder = { message: 'The maximum age is below the minimum age.', path: ['maxAge'] };

export const directoryServiceInputSchema = serviceFields
  .extend({
    coverageProvinces: places.default([]),
    coverageDistricts: places.default([]),
    targetSexes: targetSexes.default([]),
    nationalities: nationalities.default([]),
    languages: languages.default([]),
    active: z.boolean().default(true),
  })
  .strict()
  .refine(agesInOrder, ageOrder);
export type DirectoryServiceInput = z.infer<typeof directoryServiceInputSchema>;
export const directoryServiceUpdateSchema = serviceFields
  .partial()
  .extend({ version: z.number().int() })
  .strict()
  .refine(agesInOrder, ageOrder);
export type DirectoryServiceUpdate = z.infer<typeof directoryServiceUpdateSchema>;

const contactFields = z.object({
  name: plainText(200, { min: 1 }),
  position: optionalText(200),
  phone,
  email: z.string().trim().max(200).email().nullable().optional(),
  lineId: messagingId,
  whatsapp: phone,
  wechat: messagingId,
  viber: phone,
  telegram: messagingId,
  languages,
});
export const directoryContactInputSchema = contactFields.extend({ languages: languages.default([]) }).strict();
export type DirectoryContactInput = z.infer<typeof directoryContactInputSchema>;
export const directoryContactUpdateSchema = contactFields.partial().extend({ version: z.number().int() }).strict();
export type DirectoryContactUpdate = z.infer<typeof directoryContactUpdateSchema>;

export const directoryServiceSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  serviceArea: z.enum(SERVICE_AREAS),
  description: z.string(),
  localDescription: z.string().nullable(),
  coverageProvinces: z.array(z.string()),
  coverageDistricts: z.array(z.string()),
  targetSexes: z.array(z.enum(DIRECTORY_TARGET_SEXES)),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  hours: z.string().nullable(),
  capacityNote: z.string().nullable(),
  costNote: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type DirectoryService = z.infer<typeof directoryServiceSchema>;

export const directoryContactSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  name: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  lineId: z.string().nullable(),
  whatsapp: z.string().nullable(),
  wechat: z.string().nullable(),
  viber: z.string().nullable(),
  telegram: z.string().nullable(),
  languages: z.array(z.string()),
  lastVerifiedOn: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  /** Never verified, or not for CONTACT_VERIFICATION_DAYS in the organisation's country. */
  needsVerification: z.boolean(),
  version: z.number().int(),
});
export type DirectoryContact = z.infer<typeof directoryContactSchema>;

export const directoryOrganisationSchema = z.object({
  id: z.string().uuid(),
  agencyId: z.string().uuid().nullable(),
  name: z.string(),
  localName: z.string().nullable(),
  organisationType: z.enum(DIRECTORY_ORGANISATION_TYPES),
  countryCode: z.string(),
  province: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  hours: z.string().nullable(),
  languages: z.array(z.string()),
  notes: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  services: z.array(directoryServiceSchema),
  contacts: z.array(directoryContactSchema),
  /** What the caller may do with this entry, so the UI shows only those actions. */
  abilities: z.object({ update: z.boolean() }),
});
export type DirectoryOrganisation = z.infer<typeof directoryOrganisationSchema>;

export const directoryOrganisationPageSchema = pageOf(directoryOrganisationSchema).extend({
  /** Whether the caller may add organisations at all (her agency's, or any). */
  canCreate: z.boolean(),
});
export type DirectoryOrganisationPage = z.infer<typeof directoryOrganisationPageSchema>;

/** Directory search: free text in any script plus the filters a caseworker narrows by. */
export const directorySearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: plainText(200).optional(),
  serviceArea: z.enum(SERVICE_AREAS).optional(),
  countryCode: countryCode.optional(),
  province: plainText(100).optional(),
  sex: z.enum(DIRECTORY_TARGET_SEXES).optional(),
  age: z.coerce.number().int().min(0).max(120).optional(),
  nationality: countryCode.optional(),
  language: z.enum(SPOKEN_LANGUAGES).optional(),
  needsVerification: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type DirectorySearch = z.infer<typeof directorySearchSchema>;
/** The search as a client writes it in the query string. */
export type DirectorySearchQuery = z.input<typeof directorySearchSchema>;

/** A contact due for checking, for the tasks and notifications that remind the directory's keepers. */
export const unverifiedContactSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  organisationAgencyId: z.string().uuid().nullable(),
  name: z.string(),
  lastVerifiedOn: z.string().nullable(),
});
export type UnverifiedContact = z.infer<typeof unverifiedContactSchema>;

export const DIRECTORY_EXPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type DirectoryExportFormat = (typeof DIRECTORY_EXPORT_FORMATS)[number];
