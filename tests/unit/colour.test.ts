import { describe, expect, it } from 'vitest';
import { isDarkColour } from '../../core/banner/colour';

describe('isDarkColour', () => {
  it.each([
    ['rgb(38, 38, 36)', true],
    ['rgb(250, 249, 245)', false],
    ['rgba(0, 0, 0, 0.9)', true],
    ['rgb(255 255 255 / 80%)', false],
    ['rgb(120, 120, 120)', false],
    ['rgb(100, 100, 100)', true],
    ['oklch(0.21 0.006 285.885)', true],
    ['oklch(98.5% 0 0)', false],
    ['oklab(0.3 0.01 0.02)', true],
    ['lab(95 0 0)', false],
    ['lch(12% 5 40)', true],
  ])('%s is dark: %s', (css, dark) => {
    expect(isDarkColour(css)).toBe(dark);
  });

  it.each([
    'rgba(0, 0, 0, 0)',
    'transparent',
    'rgba(0, 0, 0, 0.2)',
    'oklch(0.2 0 0 / 0.1)',
    'color(display-p3 0 0 0)',
    'rgb()',
    '',
  ])('%s says nothing', (css) => {
    expect(isDarkColour(css)).toBeNull();
  });
});
