import {
  AGE_GROUPS,
  AGENCY_FUNCTIONS,
  AUDIT_ACTIONS,
  BUILT_IN_ROLES,
  CASE_INVOLVEMENTS,
  CASE_SCOPES,
  CASE_SORTS,
  CASE_STATUSES,
  CASE_TASK_KINDS,
  GENDERS,
  MATCH_LIKELIHOOD_BANDS,
  MATCH_REASON_CODES,
  NAME_SCRIPTS,
  ORGANISATION_TYPES,
  PERMISSIONS,
  PROBLEM_CODES,
  SUPPORTED_LOCALES,
  TRAFFICKING_STATUSES,
} from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { AUDIT_OUTCOMES } from '../features/audit/auditSearch';
import { INTAKE_ERROR_CODES } from '../features/intake/intakeForm';
import { PERMISSION_GROUPS, permissionKey } from '../features/roles/permissionGroups';
import { VALIDATION_CODES } from '../lib/validationCodes';

type Catalogue = { [key: string]: string | Catalogue };

const files = import.meta.glob<Catalogue>('./*/*.json', { eager: true, import: 'default' });
const fileNames = (locale: string) =>
  Object.keys(files)
    .filter((path) => path.split('/')[1] === locale)
    .map((path) => path.split('/')[2])
    .sort();
/** Each language's files merged; every file owns its own top-level keys. */
const catalogues = new Map<string, Catalogue>();
for (const [path, catalogue] of Object.entries(files)) {
  const locale = path.split('/')[1] ?? path;
  catalogues.set(locale, { ...catalogues.get(locale), ...catalogue });
}

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; a non-string leaf is kept as-is so a test can reject it. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [nested, leaf] of flatten(value, path)) entries.set(nested, leaf);
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

function variables(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort() : [];
}

const english = flatten(catalogues.get('en') ?? {});
const others = SUPPORTED_LOCALES.filter((locale) => locale !== 'en');

describe('catalogues', () => {
  it('exist for exactly the supported languages', () => {
    expect([...catalogues.keys()].sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it.each(others)('%s has the same files as English', (locale) => {
    expect(fileNames(locale)).toEqual(fileNames('en'));
  });

  it.each(SUPPORTED_LOCALES)('%s files do not share top-level keys', (locale) => {
    const keys = Object.entries(files)
      .filter(([path]) => path.split('/')[1] === locale)
      .flatMap(([, catalogue]) => Object.keys(catalogue));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it.each(SUPPORTED_LOCALES)('%s has only non-empty strings', (locale) => {
    const entries = flatten(catalogues.get(locale) ?? {});
    const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it.each(others)('%s has every key English has', (locale) => {
    const entries = flatten(catalogues.get(locale) ?? {});
    expect([...english.keys()].filter((key) => !entries.has(key))).toEqual([]);
  });

  it.each(others)('%s has no key English lacks', (locale) => {
    const entries = flatten(catalogues.get(locale) ?? {});
    expect([...entries.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it.each(others)('%s uses the same {{variables}} as English', (locale) => {
    const entries = flatten(catalogues.get(locale) ?? {});
    const mismatched = [...english]
      .filter(([key, value]) => entries.has(key) && variables(value).join() !== variables(entries.get(key)).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it.each(others)('%s names every language as English does, in that language’s own script', (locale) => {
    const entries = flatten(catalogues.get(locale) ?? {});
    for (const code of SUPPORTED_LOCALES) expect(entries.get(`language.${code}`)).toBe(english.get(`language.${code}`));
  });
});

describe('the English catalogue covers the shared vocabularies', () => {
  const required: Record<string, readonly string[]> = {
    problem: PROBLEM_CODES,
    validation: VALIDATION_CODES,
    permission: PERMISSIONS.map(permissionKey),
    permissionGroup: PERMISSION_GROUPS.map(({ group }) => group),
    role: BUILT_IN_ROLES,
    'audit.action': AUDIT_ACTIONS,
    'audit.outcome': AUDIT_OUTCOMES,
    organisationType: ORGANISATION_TYPES,
    agencyFunction: AGENCY_FUNCTIONS,
    caseStatus: CASE_STATUSES,
    traffickingStatus: TRAFFICKING_STATUSES,
    gender: GENDERS,
    'caseload.sort': CASE_SORTS,
    'caseload.scope': CASE_SCOPES,
    'caseload.ageGroup': AGE_GROUPS,
    'caseload.involvement': CASE_INVOLVEMENTS,
    'caseload.tasks.kind': CASE_TASK_KINDS,
    'caseload.intake.errors': INTAKE_ERROR_CODES,
    language: SUPPORTED_LOCALES,
    'matching.reason': MATCH_REASON_CODES,
    'matching.script': NAME_SCRIPTS,
    'matching.likelihood': MATCH_LIKELIHOOD_BANDS.map(([band]) => band),
  };

  it.each(Object.entries(required))('%s.<value> for every value', (prefix, values) => {
    expect(values.map((value) => `${prefix}.${value}`).filter((key) => !english.has(key))).toEqual([]);
  });

  it('maps permissions to distinct keys', () => {
    expect(new Set(PERMISSIONS.map(permissionKey)).size).toBe(PERMISSIONS.length);
  });
});
