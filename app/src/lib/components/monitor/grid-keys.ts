// The ARIA grid pattern's keys (https://www.w3.org/WAI/ARIA/apg/patterns/grid/): where the focus goes
// from a cell. Rows count the header as row 0; columns run in reading order, so in a right-to-left page
// ArrowLeft moves forward (to the next column) and ArrowRight back.

export interface GridPosition {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
  /** Rows that fit on a screen, for Page Up and Page Down. */
  page: number;
  rtl: boolean;
}

export function moveInGrid(key: string, at: GridPosition, size: GridSize, ctrl = false): GridPosition | null {
  const clamp = (row: number, col: number): GridPosition => ({
    row: Math.max(0, Math.min(size.rows - 1, row)),
    col: Math.max(0, Math.min(size.cols - 1, col)),
  });
  const forward = size.rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return clamp(at.row, at.col + forward);
    case 'ArrowLeft':
      return clamp(at.row, at.col - forward);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'PageDown':
      return clamp(at.row + size.page, at.col);
    case 'PageUp':
      return clamp(at.row - size.page, at.col);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return ctrl ? clamp(size.rows - 1, size.cols - 1) : clamp(at.row, size.cols - 1);
    default:
      return null;
  }
}

/** The rows to render for a scroll position: those in view, plus a few either side. */
export function visibleRows(
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  total: number,
  overscan = 6,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  return { first, last };
}
