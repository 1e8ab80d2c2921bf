import { SUPPORTED_LOCALES } from '@seamless/contracts';
import { type Affixes, addLabel } from './labelForms.js';
import { MatchTable } from './matchTable.js';

/**
 * ISO 3166-1 alpha-2 → alpha-3 codes (registers and passports of the region print the alpha-3
 * form: THA, KHM, MMR, LAO, VNM, CHN). Kosovo (XK) is user-assigned and has no alpha-3 code.
 */
const ALPHA_3 = new Map(
  (
    'AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW AX ALA AZ AZE ' +
    'BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES BR BRA BS BHS ' +
    'BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL CM CMR CN CHN ' +
    'CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST ' +
    'EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD GE GEO GF GUF ' +
    'GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY HK HKG HM HMD ' +
    'HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM ' +
    'JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA ' +
    'LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL MK MKD ' +
    'ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS MZ MOZ NA NAM ' +
    'NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG ' +
    'PH PHL PK PAK PL POL PM SPM PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA ' +
    'SA SAU SB SLB SC SYC SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD ' +
    'ST STP SV SLV SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON ' +
    'TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN VG VGB VI VIR ' +
    'VN VNM VU VUT WF WLF WS WSM YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE'
  )
    .split(' ')
    .flatMap((code, index, codes) => (index % 2 ? [] : [[code, codes[index + 1]!] as const])),
);

/**
 * Region codes Intl names that are not countries of ISO 3166-1: groupings (EU, UN), private-use
 * and pseudo regions (QO, XA, XB, ZZ), and exceptionally reserved codes (Ascension, Canary
 * Islands…) that an HTCDS country field never holds.
 */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);

/** Names in use that Intl does not give: official and former names, common abbreviations. */
const ALTERNATE_NAMES: Record<string, readonly string[]> = {
  TH: ['Kingdom of Thailand', 'Siam'],
  KH: ['Kingdom of Cambodia', 'Kampuchea'],
  LA: ['Lao', 'Lao PDR', "Lao People's Democratic Republic"],
  MM: ['Burma', 'Myanmar', 'Republic of the Union of Myanmar'],
  VN: ['Viet Nam', 'Socialist Republic of Viet Nam'],
  CN: ["People's Republic of China", 'PRC', 'Mainland China', '中华人民共和国', '中華人民共和國', '中國'],
  MO: ['Macau'],
  MY: ['Federation of Malaysia'],
  BN: ['Brunei Darussalam'],
  TL: ['East Timor'],
  // The region's migrant workers go to the Republic of Korea: plain 'Korea' means the South.
  KR: ['Korea', 'Republic of Korea', 'Korea, Republic of'],
  KP: ['North Korea', "Democratic People's Republic of Korea", 'DPRK'],
  US: ['USA', 'United States of America', 'America'],
  GB: ['UK', 'Great Britain', 'Britain'],
  RU: ['Russian Federation'],
  TR: ['Turkey'],
  CZ: ['Czech Republic'],
  SZ: ['Swaziland'],
  MK: ['Macedonia'],
  CI: ['Ivory Coast'],
  CV: ['Cabo Verde'],
};

/** "ประเทศไทย", "ປະເທດລາວ", "ប្រទេសកម្ពុជា", "မြန်မာနိုင်ငံ", "nước Lào": the word "country" around a name. */
const COUNTRY_AFFIXES: Affixes = {
  th: { prefixes: ['ประเทศ'] },
  lo: { prefixes: ['ປະເທດ'] },
  km: { prefixes: ['ប្រទេស'] },
  my: { suffixes: ['နိုင်ငံ'] },
  vi: { prefixes: ['nước'] },
};

type Countries = { codes: ReadonlySet<string>; byAlpha3: ReadonlyMap<string, string>; table: MatchTable };
let countries: Countries | undefined;

/** The ISO 3166-1 alpha-2 codes Intl knows, current ones only (BU, DD, UK… are aliases of MM, DE, GB). */
export function countryCodes(): ReadonlySet<string> {
  return countryNames().codes;
}

/** The alpha-2 code of a country written as its alpha-2 or alpha-3 code, in either case. */
export function countryOfCode(written: string): string | undefined {
  const code = written.toUpperCase();
  const { codes, byAlpha3 } = countryNames();
  return codes.has(code) ? code : byAlpha3.get(code);
}

/**
 * Every country's names, to its alpha-2 code: the names Intl gives in our eight languages (long
 * and short: 'Hong Kong SAR China', 'Hong Kong') and names in use besides. Codes are apart
 * (countryOfCode): some names are spelt like another country's code (Vietnamese 'Nga', Russia;
 * NGA, Nigeria).
 */
export function countryTable(): MatchTable {
  return countryNames().table;
}

function countryNames(): Countries {
  countries ??= buildCountries();
  return countries;
}

function buildCountries(): Countries {
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = Array.from({ length: 26 }, (_, index) => String.fromCharCode(65 + index));
  const codes = letters
    .flatMap((first) => letters.map((second) => first + second))
    .filter((code) => !NOT_COUNTRIES.has(code) && english.of(code) !== code && new Intl.Locale(`und-${code}`).region === code);
  const byAlpha3 = new Map(codes.flatMap((code) => (ALPHA_3.has(code) ? [[ALPHA_3.get(code)!, code] as const] : [])));
  const table = new MatchTable();
  for (const locale of SUPPORTED_LOCALES) {
    for (const style of ['long', 'short'] as const) {
      const names = new Intl.DisplayNames([locale], { type: 'region', style });
      for (const code of codes) addLabel(table, names.of(code)!, code, locale, COUNTRY_AFFIXES);
    }
  }
  for (const [code, names] of Object.entries(ALTERNATE_NAMES)) for (const name of names) addLabel(table, name, code, 'en');
  return { codes: new Set(codes), byAlpha3, table };
}
