import type { PDFPage } from 'pdf-lib';
import { PALETTE } from './palette';

const OUTER_INSET = 22;
const INNER_INSET = 30;

/** Paper, a green frame with a fine gold rule inside it, and a small star on each inner corner. */
export function drawFrame(page: PDFPage): void {
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 0, y: 0, width, height, color: PALETTE.paper });
  page.drawRectangle({
    x: OUTER_INSET,
    y: OUTER_INSET,
    width: width - 2 * OUTER_INSET,
    height: height - 2 * OUTER_INSET,
    borderColor: PALETTE.green,
    borderWidth: 4,
  });
  page.drawRectangle({
    x: INNER_INSET,
    y: INNER_INSET,
    width: width - 2 * INNER_INSET,
    height: height - 2 * INNER_INSET,
    borderColor: PALETTE.gold,
    borderWidth: 1,
  });
  for (const x of [INNER_INSET, width - INNER_INSET]) {
    for (const y of [INNER_INSET, height - INNER_INSET]) drawStar(page, x, y, 7);
  }
}

/** The header ornament: a star between two gold rules, centred on x. */
export function drawDivider(page: PDFPage, centerX: number, y: number): void {
  const radius = 11;
  const gap = 10;
  const ruleLength = 120;
  for (const direction of [-1, 1]) {
    const start = centerX + direction * (radius + gap);
    page.drawLine({
      start: { x: start, y },
      end: { x: start + direction * ruleLength, y },
      thickness: 0.8,
      color: PALETTE.gold,
    });
  }
  drawStar(page, centerX, y, radius);
}

/**
 * An eight-pointed star of two overlapping squares (the rub el hizb of Quran margins) with a small
 * paper-coloured circle at its heart.
 */
function drawStar(page: PDFPage, x: number, y: number, radius: number): void {
  // Where the two squares' edges cross: cos 45° / cos 22.5° of the way out.
  const innerRadius = radius * (Math.SQRT1_2 / Math.cos(Math.PI / 8));
  const points = Array.from({ length: 16 }, (_, k) => {
    const angle = -Math.PI / 2 + (k * Math.PI) / 8;
    const r = k % 2 === 0 ? radius : innerRadius;
    return `${(r * Math.cos(angle)).toFixed(3)} ${(r * Math.sin(angle)).toFixed(3)}`;
  });
  page.drawSvgPath(`M ${points.join(' L ')} Z`, { x, y, color: PALETTE.gold });
  page.drawCircle({ x, y, size: radius * 0.3, color: PALETTE.paper });
}
