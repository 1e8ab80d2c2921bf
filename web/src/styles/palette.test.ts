import { luminance } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { ACCESSIBLE_COLORS } from './palette';

const WHITE = '#ffffff';
const AA_TEXT = 4.5;

function contrast(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('the accessible palettes', () => {
  for (const [name, shades] of Object.entries(ACCESSIBLE_COLORS)) {
    it(`${name}: filled, hover and coloured text read at 4.5:1 on white and on the pale shades`, () => {
      for (const text of [shades[6], shades[7]]) {
        for (const background of [WHITE, shades[0], shades[1], shades[2]]) {
          expect(contrast(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(AA_TEXT);
        }
      }
    });

    it(`${name}: the light variant's text (shade 9) reads at 4.5:1 on its background (shade 1) and on hover (shade 2)`, () => {
      expect(contrast(shades[9], shades[1])).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrast(shades[9], shades[2])).toBeGreaterThanOrEqual(AA_TEXT);
    });
  }
});
