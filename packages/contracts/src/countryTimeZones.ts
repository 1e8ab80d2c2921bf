/**
 * Each country's own calendar and clock: "today" for a case, a meeting's local time, a figure's
 * period. The Mekong instances and their partners. Kept free of zod: the web app's entry uses it.
 */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  TH: 'Asia/Bangkok',
  KH: 'Asia/Phnom_Penh',
  LA: 'Asia/Vientiane',
  MM: 'Asia/Yangon',
  VN: 'Asia/Ho_Chi_Minh',
  CN: 'Asia/Shanghai',
  JP: 'Asia/Tokyo',
};

export const timeZoneOfCountry = (countryCode: string) => COUNTRY_TIME_ZONES[countryCode.toUpperCase()] ?? 'UTC';
