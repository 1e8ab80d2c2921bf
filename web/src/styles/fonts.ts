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
 * subset). Fetched after the first paint, they do not hold up the page; CJK text shows in a
 * system font for a moment and then swaps, as `font-display: swap` already allows.
 */
export function loadCjkFonts(): Promise<unknown> {
  return Promise.all([
    import('@fontsource/noto-sans-sc/400.css'),
    import('@fontsource/noto-sans-sc/700.css'),
    import('@fontsource/noto-sans-jp/400.css'),
    import('@fontsource/noto-sans-jp/700.css'),
  ]);
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
