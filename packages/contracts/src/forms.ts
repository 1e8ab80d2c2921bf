/**
 * Configurable forms: the country-specific fields that sit beside the fixed HTCDS core columns
 * (DESIGN.md §3), editable by an admin without a code change, and the lookup lists (provinces,
 * agencies present, …) their select fields draw on. Labels are carried in the configuration in all
 * eight interface languages. Answers are stored as `formAnswers` (a JSON object keyed by field key)
 * and checked with `validateFormAnswers` (formAnswers.ts).
 */
import { z } from 'zod';
import { type Locale, SUPPORTED_LOCALES } from './locales.js';
import { CASE_SECTIONS } from './permissions.js';

export const FORM_KINDS = ['intake', 'case', 'identification'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'boolean', 'select', 'multiselect'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/**
 * The section a configured field belongs to. Need-to-know applies to configured fields too: a field
 * in a specialist section is shown and accepted only for users granted that section.
 */
export const FORM_SECTIONS = ['general', ...CASE_SECTIONS] as const;
export type FormSection = (typeof FORM_SECTIONS)[number];

/** Keys of configured fields and lookup lists, also as they appear in URLs. */
export const snakeKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'snake_case');

const labelText = z.string().trim().min(1).max(300);
const helpText = z.string().trim().min(1).max(1_000);

/** A label in every interface language. */
export const localisedLabelsSchema = z
  .object(Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, labelText])) as Record<Locale, typeof labelText>)
  .strict();
export type LocalisedLabels = Record<Locale, string>;

/** Help text in some languages (English fallback in the interface). */
export const localisedHelpSchema = z
  .object(
    Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, helpText.optional()])) as Record<Locale, z.ZodOptional<typeof helpText>>,
  )
  .strict();

/** `required: true`, or required only when another field of the form has a given answer. */
export const requiredRuleSchema = z.union([
  z.boolean(),
  z
    .object({
      when: z.object({ field: snakeKey, equals: z.union([z.string().max(200), z.number(), z.boolean()]) }).strict(),
    })
    .strict(),
]);
export type RequiredRule = z.infer<typeof requiredRuleSchema>;

export const formFieldSchema = z
  .object({
    key: snakeKey,
    type: z.enum(FORM_FIELD_TYPES),
    /** Lookup list key (select and multiselect only). */
    lookup: snakeKey.optional(),
    required: requiredRuleSchema.optional(),
    /** number: value bounds; multiselect: number of choices. */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    /** text and textarea only. */
    maxLength: z.number().int().min(1).max(100_000).optional(),
    section: z.enum(FORM_SECTIONS),
    labels: localisedLabelsSchema,
    help: localisedHelpSchema.optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    const selectType = field.type === 'select' || field.type === 'multiselect';
    if (selectType && !field.lookup) ctx.addIssue({ code: 'custom', path: ['lookup'], message: 'A select field needs a lookup list' });
    if (!selectType && field.lookup !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['lookup'], message: 'Only select fields take a lookup list' });
    }
    if ((field.min !== undefined || field.max !== undefined) && field.type !== 'number' && field.type !== 'multiselect') {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'min/max apply to number and multiselect fields' });
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max is below min' });
    }
    if (field.maxLength !== undefined && field.type !== 'text' && field.type !== 'textarea') {
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: 'maxLength applies to text fields' });
    }
    if (typeof field.required === 'object' && field.required.when.field === field.key) {
      ctx.addIssue({ code: 'custom', path: ['required'], message: 'A field cannot depend on itself' });
    }
  });
export type FormField = z.infer<typeof formFieldSchema>;

export const formGroupSchema = z
  .object({
    key: snakeKey,
    labels: localisedLabelsSchema,
    fields: z.array(formFieldSchema).min(1).max(200),
  })
  .strict();
export type FormGroup = z.infer<typeof formGroupSchema>;

export const formDefinitionSchema = z
  .object({
    form: z.enum(FORM_KINDS),
    groups: z.array(formGroupSchema).min(1).max(50),
  })
  .strict()
  .superRefine((definition, ctx) => {
    const groupKeys = new Set<string>();
    const fieldKeys = new Set<string>();
    definition.groups.forEach((group, g) => {
      if (groupKeys.has(group.key)) ctx.addIssue({ code: 'custom', path: ['groups', g, 'key'], message: `Duplicate group ${group.key}` });
      groupKeys.add(group.key);
      group.fields.forEach((field, f) => {
        if (fieldKeys.has(field.key)) {
          ctx.addIssue({ code: 'custom', path: ['groups', g, 'fields', f, 'key'], message: `Duplicate field ${field.key}` });
        }
        fieldKeys.add(field.key);
      });
    });
    definition.groups.forEach((group, g) => {
      group.fields.forEach((field, f) => {
        if (typeof field.required === 'object' && !fieldKeys.has(field.required.when.field)) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', g, 'fields', f, 'required'],
            message: `Condition refers to unknown field ${field.required.when.field}`,
          });
        }
      });
    });
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

export const lookupValueSchema = z
  .object({
    value: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . -'),
    labels: localisedLabelsSchema,
    active: z.boolean().default(true),
    sort: z.number().int().default(0),
  })
  .strict();
export type LookupValue = z.infer<typeof lookupValueSchema>;

export const lookupListSchema = z
  .object({
    key: snakeKey,
    labels: localisedLabelsSchema,
    values: z.array(lookupValueSchema).min(1).max(5_000),
  })
  .strict()
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.values.forEach((value, i) => {
      if (seen.has(value.value)) ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: `Duplicate value ${value.value}` });
      seen.add(value.value);
    });
  });
export type LookupList = z.infer<typeof lookupListSchema>;

/** A country's shipped configuration: its forms and the lookup lists they use. */
export const countryFormConfigurationSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/),
    forms: z.array(formDefinitionSchema).max(FORM_KINDS.length),
    lookups: z.array(lookupListSchema),
  })
  .strict()
  .superRefine((configuration, ctx) => {
    const lists = new Set<string>();
    configuration.lookups.forEach((list, i) => {
      if (lists.has(list.key)) ctx.addIssue({ code: 'custom', path: ['lookups', i, 'key'], message: `Duplicate list ${list.key}` });
      lists.add(list.key);
    });
    const forms = new Set<string>();
    configuration.forms.forEach((definition, d) => {
      if (forms.has(definition.form))
        ctx.addIssue({ code: 'custom', path: ['forms', d, 'form'], message: `Duplicate form ${definition.form}` });
      forms.add(definition.form);
      definition.groups.forEach((group, g) => {
        group.fields.forEach((field, f) => {
          if (field.lookup && !lists.has(field.lookup)) {
            ctx.addIssue({
              code: 'custom',
              path: ['forms', d, 'groups', g, 'fields', f, 'lookup'],
              message: `Unknown lookup list ${field.lookup}`,
            });
          }
        });
      });
    });
  });
export type CountryFormConfiguration = z.infer<typeof countryFormConfigurationSchema>;
/** What a configuration file is written as (defaults such as `active`/`sort` may be omitted). */
export type CountryFormConfigurationInput = z.input<typeof countryFormConfigurationSchema>;

export * from './formAnswers.js';
