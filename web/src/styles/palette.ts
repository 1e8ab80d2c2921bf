import { colorsTuple, type MantineThemeColors } from '@mantine/core';

/*
 * Mantine's palettes with shades 6 to 9 darkened (mixed towards black, hue kept). Mantine draws
 * filled buttons and badges, coloured text, outlines and the dimmed text from shade 6, hover from 7,
 * and the text of light variants from 9 on shade 1; its own shades give white text 2.6:1 on teal
 * and 3.3:1 for grey help text. These give at least 4.5:1 (WCAG 2.2 AA, 1.4.3) for every one of
 * those pairs, also on the pale shades 0 to 2 used as backgrounds.
 */
export const ACCESSIBLE_COLORS = {
  blue: colorsTuple(['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#165a95', '#134f83', '#114471', '#0e3a5f']),
  cyan: colorsTuple(['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#0d6976', '#0b5c68', '#0a505a', '#08434c']),
  grape: colorsTuple(['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#833497', '#732e85', '#642873', '#542161']),
  gray: colorsTuple(['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#646a70', '#585d63', '#4c5155', '#404448']),
  green: colorsTuple(['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#267133', '#21632d', '#1d5627', '#184821']),
  indigo: colorsTuple(['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#344ca9', '#2e4395', '#283a80', '#21316c']),
  lime: colorsTuple(['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#4a7311', '#41650f', '#38570d', '#2f4a0b']),
  orange: colorsTuple(['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#984c0c', '#86430b', '#743a09', '#613108']),
  pink: colorsTuple(['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#9c3257', '#892c4d', '#772642', '#642038']),
  red: colorsTuple(['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#a23535', '#8f2f2f', '#7b2828', '#682222']),
  teal: colorsTuple(['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#0b7052', '#0a6348', '#08553e', '#074834']),
  violet: colorsTuple(['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#5a3bb3', '#4f349e', '#442d88', '#3a2673']),
  yellow: colorsTuple(['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#896103', '#795503', '#684a02', '#583e02']),
} satisfies Partial<MantineThemeColors>;
