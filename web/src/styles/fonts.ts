/**
 * Noto families for every interface language, regular and bold only, bundled with the app:
 * field offices may sit behind networks that block font CDNs, and complex scripts (Khmer,
 * Lao, Myanmar, Thai) render wrongly in system fallbacks. Each stylesheet declares
 * unicode-range subsets, so a browser downloads only the scripts a page actually shows.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/700.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import '@fontsource/noto-sans-lao/400.css';
import '@fontsource/noto-sans-lao/700.css';
import '@fontsource/noto-sans-myanmar/400.css';
import '@fontsource/noto-sans-myanmar/700.css';

/**
 * The Chinese and Japanese stylesheets hold some 400 KB of @font-face rules (one per glyph
 * subset), more than the rest of the first screens together. They are fetched only for an interface
 * in Chinese or Japanese, after the first paint, and at once when someone switches to one; in the
 * other languages a Chinese name shows in the system's CJK font, which every supported system has
 * (unlike Khmer, Lao, Myanmar and Thai, whose fonts above are always bundled).
 */
const CJK_LANGUAGES: ReadonlySet<string> = new Set(['zh', 'ja']);
let cjkFonts: Promise<unknown> | undefined;

export function loadCjkFontsFor(language: string): Promise<unknown> | undefined {
  if (!CJK_LANGUAGES.has(language)) return undefined;
  cjkFonts ??= Promise.all([
    import('@fontsource/noto-sans-sc/400.css'),
    import('@fontsource/noto-sans-sc/700.css'),
    import('@fontsource/noto-sans-jp/400.css'),
    import('@fontsource/noto-sans-jp/700.css'),
  ]);
  return cjkFonts;
}

export const FONT_STACK = [
  '"Noto Sans"',
  '"Noto Sans Thai"',
  '"Noto Sans Khmer"',
  '"Noto Sans Lao"',
  '"Noto Sans Myanmar"',
  '"Noto Sans SC"',
  '"Noto Sans JP"',
  'sans-serif',
].join(', ');
