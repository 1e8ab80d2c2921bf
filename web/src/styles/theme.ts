import { Badge, createTheme, Table } from '@mantine/core';
import { FONT_STACK } from './fonts';

export const theme = createTheme({
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  primaryColor: 'teal',
  defaultRadius: 'md',
  // Only two weights are bundled; anything between would be synthesised by the browser.
  fontWeights: { regular: '400', medium: '700', bold: '700' },
  components: {
    Table: Table.extend({ defaultProps: { highlightOnHover: true, verticalSpacing: 'sm' } }),
    Badge: Badge.extend({
      // Statuses are read, not skimmed: never cut them to an ellipsis in a narrow table column,
      // and keep the catalogue's casing (most interface scripts have no capitals anyway).
      defaultProps: { tt: 'none' },
      styles: { root: { minWidth: 'max-content' } },
    }),
  },
});
