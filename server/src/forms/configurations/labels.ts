import type { LocalisedLabels } from '@seamless/contracts';

/** Labels in en, th, km, lo, my, vi, zh, ja order: one line a label keeps the configurations readable. */
export const l = (en: string, th: string, km: string, lo: string, my: string, vi: string, zh: string, ja: string): LocalisedLabels => ({
  en,
  th,
  km,
  lo,
  my,
  vi,
  zh,
  ja,
});
