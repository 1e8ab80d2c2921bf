import {
  Anchor,
  Badge,
  type CloseButton,
  type CSSVariablesResolver,
  createTheme,
  Table,
  type TableScrollContainerProps,
} from '@mantine/core';
import i18next from 'i18next';
import type { ComponentProps } from 'react';
import { FONT_STACK } from './fonts';
import { ACCESSIBLE_COLORS } from './palette';

export const theme = createTheme({
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  colors: ACCESSIBLE_COLORS,
  primaryColor: 'teal',
  primaryShade: 6,
  defaultRadius: 'md',
  // Only two weights are bundled; anything between would be synthesised by the browser.
  fontWeights: { regular: '400', medium: '700', bold: '700' },
  components: {
    // A link is told apart from the text around it by more than its colour (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Table: Table.extend({ defaultProps: { highlightOnHover: true, verticalSpacing: 'sm' } }),
    // A table wider than a phone scrolls sideways; keyboard users reach and scroll it too (WCAG 2.1.1),
    // and hear what it is. The browser's own scrolling: arrow keys move it once it has the focus.
    // Default props given as a function are read on each render, so the name follows the interface
    // language (Mantine's typed `extend` does not accept the function form).
    TableScrollContainer: {
      defaultProps: (): Partial<TableScrollContainerProps> => ({
        type: 'native',
        tabIndex: 0,
        role: 'group',
        'aria-label': i18next.t('accessibility.scrollableTable'),
      }),
    },
    // Dialogs, drawers and dismissible alerts close with an icon button that has no words of its own.
    CloseButton: { defaultProps: (): ComponentProps<typeof CloseButton> => ({ 'aria-label': i18next.t('accessibility.close') }) },
    Badge: Badge.extend({
      // Statuses are read, not skimmed: never cut them to an ellipsis in a narrow table column,
      // and keep the catalogue's casing (most interface scripts have no capitals anyway).
      defaultProps: { tt: 'none' },
      styles: { root: { minWidth: 'max-content' } },
    }),
  },
});

/** Placeholders drawn as text (a date or file field not filled yet) at the dimmed colour, 4.5:1, not Mantine's 2:1 grey. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': 'var(--mantine-color-dimmed)' },
  dark: {},
});
