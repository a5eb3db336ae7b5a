import { describe, expect, it } from 'vitest';
import { moveInGrid, visibleRows } from './grid-keys';

const size = { rows: 201, cols: 46, page: 10, rtl: false };

describe('moveInGrid', () => {
  it('moves by arrows and stops at the edges', () => {
    expect(moveInGrid('ArrowRight', { row: 3, col: 4 }, size)).toEqual({ row: 3, col: 5 });
    expect(moveInGrid('ArrowDown', { row: 200, col: 4 }, size)).toEqual({ row: 200, col: 4 });
    expect(moveInGrid('ArrowUp', { row: 0, col: 0 }, size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid('ArrowLeft', { row: 1, col: 0 }, size)).toEqual({ row: 1, col: 0 });
  });

  it('reads ArrowLeft as forward in a right-to-left page', () => {
    expect(moveInGrid('ArrowLeft', { row: 1, col: 1 }, { ...size, rtl: true })).toEqual({ row: 1, col: 2 });
    expect(moveInGrid('ArrowRight', { row: 1, col: 1 }, { ...size, rtl: true })).toEqual({ row: 1, col: 0 });
  });

  it('pages, and goes to the row ends or the grid corners', () => {
    expect(moveInGrid('PageDown', { row: 195, col: 2 }, size)).toEqual({ row: 200, col: 2 });
    expect(moveInGrid('PageUp', { row: 15, col: 2 }, size)).toEqual({ row: 5, col: 2 });
    expect(moveInGrid('End', { row: 7, col: 2 }, size)).toEqual({ row: 7, col: 45 });
    expect(moveInGrid('Home', { row: 7, col: 9 }, size)).toEqual({ row: 7, col: 0 });
    expect(moveInGrid('End', { row: 7, col: 2 }, size, true)).toEqual({ row: 200, col: 45 });
    expect(moveInGrid('Home', { row: 7, col: 9 }, size, true)).toEqual({ row: 0, col: 0 });
  });

  it('ignores other keys', () => {
    expect(moveInGrid('a', { row: 1, col: 1 }, size)).toBeNull();
  });
});

describe('visibleRows', () => {
  it('covers the view and a margin, within the rows there are', () => {
    expect(visibleRows(0, 440, 44, 200)).toEqual({ first: 0, last: 16 });
    expect(visibleRows(4400, 440, 44, 200)).toEqual({ first: 94, last: 116 });
    expect(visibleRows(8600, 440, 44, 200)).toEqual({ first: 189, last: 200 });
  });
});
