import { describe, expect, it } from 'vitest';
import { toDisplayText } from './display-text';
import { fitText, type FitRequest } from './fit-text';

/** A monospaced stand-in for a font: every character is half an em wide. */
const monospaced = (displayText: string, size: number) => Array.from(displayText).length * size * 0.5;
const request = (overrides: Partial<FitRequest> = {}): FitRequest => ({
  measure: monospaced,
  maxWidth: 100,
  size: 10,
  minSize: 5,
  maxLines: 2,
  ...overrides,
});
const texts = (fitted: { lines: { text: string }[] }) => fitted.lines.map((line) => line.text);

describe('fitting text into lines', () => {
  it('keeps text that fits on one line at the wanted size', () => {
    const fitted = fitText('Zaid Hassan', request());
    expect(fitted.size).toBe(10);
    expect(texts(fitted)).toEqual(['Zaid Hassan']);
  });

  it('wraps between words at the wanted size before shrinking', () => {
    // 20 characters of 5 pt per line at 10 pt.
    const fitted = fitText('The Life of the Prophet Muhammad', request());
    expect(fitted.size).toBe(10);
    expect(fitted.lines).toHaveLength(2);
  });

  it('balances wrapped lines instead of leaving a stray word', () => {
    const fitted = fitText('aaaa bbbb cccc dddd eeee', request());
    // Greedy wrapping would give "aaaa bbbb cccc dddd" and "eeee".
    expect(texts(fitted)).toEqual(['aaaa bbbb cccc', 'dddd eeee']);
  });

  it('shrinks when the lines run out, as little as it has to', () => {
    // 50 characters: at 8 pt a line holds 25, so two lines of 25.
    const fitted = fitText('aaaaaaaaaaaa bbbbbbbbbbbb cccccccccccc dddddddddddd', request());
    expect(fitted.size).toBe(8);
    expect(fitted.lines).toHaveLength(2);
  });

  it('shrinks a long word rather than breaking it', () => {
    const fitted = fitText('https://example.org/verify/abcdef', request({ maxLines: 1 }));
    expect(fitted.size).toBeLessThan(10);
    expect(texts(fitted)).toEqual(['https://example.org/verify/abcdef']);
  });

  it('at the smallest size breaks inside a word that still does not fit', () => {
    const url = `https://example.org/verify/${'x'.repeat(40)}`;
    const fitted = fitText(url, request({ maxLines: 2 }));
    expect(fitted.size).toBe(5);
    expect(texts(fitted).join('')).toBe(url);
    for (const line of fitted.lines) expect(monospaced(line.display, 5)).toBeLessThanOrEqual(100);
  });

  it('cuts with an ellipsis only when even broken lines are too many', () => {
    const fitted = fitText('x'.repeat(200), request({ maxLines: 2 }));
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[1]?.text.endsWith('…')).toBe(true);
    for (const line of fitted.lines) expect(monospaced(line.display, 5)).toBeLessThanOrEqual(100);
  });

  it('wraps an Arabic title in reading order: its first words stay on the first line', () => {
    const title = 'شرح الأربعين النووية للإمام النووي رحمه الله';
    const fitted = fitText(title, request({ maxWidth: 120 }));
    expect(fitted.lines.length).toBe(2);
    expect(texts(fitted).join(' ')).toBe(title);
    expect(fitted.lines[0]?.text.startsWith('شرح')).toBe(true);
    for (const line of fitted.lines) expect(line.display).toBe(toDisplayText(line.text, 'rtl'));
  });

  it('orders every line of a mixed paragraph by the direction of the whole paragraph', () => {
    const fitted = fitText('Tafsir Ibn Kathir: سورة الكهف 18', request({ maxWidth: 90 }));
    for (const line of fitted.lines) expect(line.display).toBe(toDisplayText(line.text, 'ltr'));
  });

  it('normalises white space before fitting', () => {
    expect(texts(fitText('  Zaid \n Hassan ', request()))).toEqual(['Zaid Hassan']);
  });
});
