import {
  DIRECTORY_TARGET_SEXES,
  type DirectoryTargetSex,
  SERVICE_AREAS,
  type ServiceArea,
  SPOKEN_LANGUAGES,
  type SpokenLanguage,
} from '@seamless/contracts';
import { pageParam, textParam } from '../../lib/searchParams';

/** The directory page's filters, kept in the address so a search can be shared and reloaded. */
export interface DirectoryPageSearch {
  page?: number;
  q?: string;
  serviceArea?: ServiceArea;
  countryCode?: string;
  province?: string;
  sex?: DirectoryTargetSex;
  age?: number;
  nationality?: string;
  language?: SpokenLanguage;
  needsVerification?: boolean;
}

const oneOf = <Value extends string>(values: readonly Value[], value: unknown): Value | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as Value) : undefined;
const countryParam = (value: unknown) => (typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? value : undefined);

export function validateDirectorySearch(search: Record<string, unknown>): DirectoryPageSearch {
  const age = Number(search.age);
  return {
    page: pageParam(search.page),
    q: textParam(search.q),
    serviceArea: oneOf(SERVICE_AREAS, search.serviceArea),
    countryCode: countryParam(search.countryCode),
    province: textParam(search.province, 100),
    sex: oneOf(DIRECTORY_TARGET_SEXES, search.sex),
    age: search.age !== undefined && Number.isInteger(age) && age >= 0 && age <= 120 ? age : undefined,
    nationality: countryParam(search.nationality),
    language: oneOf(SPOKEN_LANGUAGES, search.language),
    needsVerification: search.needsVerification === true || search.needsVerification === 'true' ? true : undefined,
  };
}
