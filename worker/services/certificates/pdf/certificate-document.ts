import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  PageSizes,
  endMarkedContent,
  type Color,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { drawDivider, drawFrame } from './certificate-frame';
import { normalizeText } from './display-text';
import { fitText, type FittedText } from './fit-text';
import type { CertificateFonts } from './fonts';
import { padGlyphRecords } from './pad-glyph-records';
import { PALETTE } from './palette';
import { preshapedFontkit } from './preshaped-fontkit';
import type { CertificateInput } from './render-certificate';
import { certificateWording, type CertificateWording } from './wording';

export const DEFAULT_SCHOOL_NAME = 'AttaqwaMasjid School';
const PRODUCER = 'AttaqwaMasjid LMS (pdf-lib)';

const [PAGE_HEIGHT, PAGE_WIDTH] = PageSizes.A4;
const CENTER_X = PAGE_WIDTH / 2;
const TEXT_WIDTH = 620;
const SCHOOL_BASELINE = 512;
const DIVIDER_Y = 487;
const HEADING_BASELINE = 436;
/** The band between the heading and the signature row that the name and the course share. */
const BODY_TOP = 408;
const BODY_BOTTOM = 166;
const SIGNATURE_VALUE_BOTTOM = 124;
const SIGNATURE_RULE_Y = 114;
const SIGNATURE_LABEL_BASELINE = 100;
const VERIFICATION_BOTTOM = 50;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * The certificate as a PDF, drawn with pdf-lib. Arabic, Latin and mixed names and titles arrive as
 * plain logical text and are shaped and ordered here (display-text.ts). The same input always gives
 * the same bytes: the metadata dates are the issue date, not the time of rendering, and pdf-lib's
 * resource names come from a seeded generator.
 */
export async function buildCertificatePdf(
  input: CertificateInput,
  issuedOn: string,
  fonts: CertificateFonts,
): Promise<Uint8Array> {
  const schoolName = input.schoolName?.trim() || DEFAULT_SCHOOL_NAME;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(preshapedFontkit);
  const embedded: Fonts = {
    regular: await doc.embedFont(padGlyphRecords(fonts.regular), { subset: true }),
    bold: await doc.embedFont(padGlyphRecords(fonts.bold), { subset: true }),
  };
  const wording = input.wording ?? certificateWording('course');
  setMetadata(doc, input, schoolName, wording);

  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  drawFrame(page);
  drawHeader(page, embedded, schoolName, wording);
  drawBody(page, embedded, input, wording);
  drawSignatureRow(page, embedded, input, issuedOn, wording);
  drawVerification(page, embedded, wording.verifyAt(input.verificationUrl));
  return doc.save();
}

/** Metadata holds the text as written (logical order); viewers lay it out themselves. */
function setMetadata(doc: PDFDocument, input: CertificateInput, schoolName: string, wording: CertificateWording): void {
  const courseTitle = normalizeText(input.courseTitle);
  doc.setTitle(wording.documentTitle(courseTitle), { showInWindowTitleBar: true });
  doc.setAuthor(normalizeText(schoolName));
  doc.setSubject(wording.documentSubject(normalizeText(input.studentName), courseTitle));
  doc.setKeywords(['certificate of completion', input.certificateNumber]);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);
  doc.setLanguage(wording.language);
}

function drawHeader(page: PDFPage, fonts: Fonts, schoolName: string, wording: CertificateWording): void {
  const school = fit(schoolName, fonts.regular, { size: 20, minSize: 12, maxLines: 1 });
  drawCentered(page, school, { font: fonts.regular, color: PALETTE.green, baseline: SCHOOL_BASELINE });
  drawDivider(page, CENTER_X, DIVIDER_Y);
  const heading = fit(wording.heading, fonts.bold, { size: 36, minSize: 36, maxLines: 1 });
  drawCentered(page, heading, { font: fonts.bold, color: PALETTE.ink, baseline: HEADING_BASELINE });
}

/**
 * "This is to certify that", the name over a gold rule, "has completed the course", the title, and the
 * detail line when there is one. A long name and a long title can each take two lines; if together they
 * are too tall for the band, they are fitted again at smaller sizes until they fit.
 */
function drawBody(page: PDFPage, fonts: Fonts, input: CertificateInput, wording: CertificateWording): void {
  const certifies = fit(wording.certifies, fonts.regular, { size: 13, minSize: 13, maxLines: 1 });
  const completed = fit(wording.achieved, fonts.regular, { size: 13, minSize: 13, maxLines: 1 });
  const detailText = input.detail?.trim();
  const gapAfterCertifies = 20;
  const gapAfterRule = 24;
  const gapAfterCompleted = 14;
  const gapBeforeDetail = 10;

  let name: FittedText;
  let title: FittedText;
  let detail: FittedText | undefined;
  let blockHeight: number;
  for (let scale = 1; ; scale -= 0.05) {
    name = fit(input.studentName, fonts.bold, { size: 40 * scale, minSize: 22 * scale, maxLines: 2 });
    title = fit(input.courseTitle, fonts.bold, { size: 24 * scale, minSize: 14 * scale, maxLines: 2 });
    detail = detailText
      ? fit(detailText, fonts.regular, { size: 15 * scale, minSize: 10 * scale, maxLines: 1 })
      : undefined;
    const nameHeight = height(name) + descent(name);
    const titleHeight = height(title) + descent(title);
    blockHeight =
      height(certifies) +
      gapAfterCertifies +
      nameHeight +
      gapAfterRule +
      height(completed) +
      gapAfterCompleted +
      titleHeight +
      (detail ? gapBeforeDetail + height(detail) + descent(detail) : 0);
    if (blockHeight <= BODY_TOP - BODY_BOTTOM || scale <= 0.6) break;
  }
  // Centred in the band, so a one-line name and title do not leave a hole above the signatures.
  let top = BODY_TOP - (BODY_TOP - BODY_BOTTOM - blockHeight) / 2;

  top = drawCentered(page, certifies, { font: fonts.regular, color: PALETTE.muted, top }) - gapAfterCertifies;
  const nameBaseline = drawCentered(page, name, { font: fonts.bold, color: PALETTE.green, top });
  const nameWidth = Math.max(...name.lines.map((line) => fonts.bold.widthOfTextAtSize(line.display, name.size)));
  const ruleWidth = Math.min(TEXT_WIDTH, Math.max(280, nameWidth + 60));
  const ruleY = nameBaseline - descent(name);
  page.drawLine({
    start: { x: CENTER_X - ruleWidth / 2, y: ruleY },
    end: { x: CENTER_X + ruleWidth / 2, y: ruleY },
    thickness: 0.8,
    color: PALETTE.gold,
  });
  top =
    drawCentered(page, completed, { font: fonts.regular, color: PALETTE.muted, top: ruleY - gapAfterRule }) -
    gapAfterCompleted;
  const titleBaseline = drawCentered(page, title, { font: fonts.bold, color: PALETTE.ink, top });
  if (detail) {
    drawCentered(page, detail, {
      font: fonts.regular,
      color: PALETTE.muted,
      top: titleBaseline - descent(title) - gapBeforeDetail,
    });
  }
}

/** Instructor, date and number side by side, each a value over a rule over its label. */
function drawSignatureRow(
  page: PDFPage,
  fonts: Fonts,
  input: CertificateInput,
  issuedOn: string,
  wording: CertificateWording,
): void {
  const columns = [
    ...(input.instructorName?.trim() ? [{ label: wording.teacherLabel, value: input.instructorName }] : []),
    { label: wording.dateLabel, value: issuedOn },
    { label: wording.numberLabel, value: input.certificateNumber },
  ];
  // Read from the right in Arabic: the teacher comes first there too.
  if (wording.language === 'ar') columns.reverse();
  const columnWidth = 210;
  const spacing = 250;
  const firstCenter = CENTER_X - (spacing * (columns.length - 1)) / 2;
  columns.forEach((column, index) => {
    const centerX = firstCenter + index * spacing;
    const value = fit(column.value, fonts.regular, { size: 15, minSize: 9, maxLines: 2, maxWidth: columnWidth });
    // Values grow upwards from the rule, so a two-line instructor name never crosses it.
    drawCentered(page, value, { font: fonts.regular, color: PALETTE.ink, centerX, bottom: SIGNATURE_VALUE_BOTTOM });
    page.drawLine({
      start: { x: centerX - 90, y: SIGNATURE_RULE_Y },
      end: { x: centerX + 90, y: SIGNATURE_RULE_Y },
      thickness: 0.6,
      color: PALETTE.gold,
    });
    const label = fit(column.label, fonts.regular, { size: 10, minSize: 10, maxLines: 1, maxWidth: columnWidth });
    drawCentered(page, label, {
      font: fonts.regular,
      color: PALETTE.muted,
      centerX,
      baseline: SIGNATURE_LABEL_BASELINE,
    });
  });
}

function drawVerification(page: PDFPage, fonts: Fonts, text: string): void {
  const line = fit(text, fonts.regular, { size: 9, minSize: 7, maxLines: 2 });
  drawCentered(page, line, { font: fonts.regular, color: PALETTE.muted, bottom: VERIFICATION_BOTTOM });
}

interface FitOptions {
  size: number;
  minSize: number;
  maxLines: number;
  maxWidth?: number;
}

function fit(text: string, font: PDFFont, options: FitOptions): FittedText {
  return fitText(text, {
    measure: (displayText, size) => font.widthOfTextAtSize(displayText, size),
    maxWidth: options.maxWidth ?? TEXT_WIDTH,
    size: options.size,
    minSize: options.minSize,
    maxLines: options.maxLines,
  });
}

/**
 * Harakat get more leading: without GPOS positioning (pdf-lib drops it) Amiri draws them at one fixed
 * height, high enough to clear an alef, which would otherwise touch the line above.
 */
const lineHeight = (text: FittedText) => text.size * (text.lines.some((line) => /\p{Mn}/u.test(line.text)) ? 1.6 : 1.3);
/** Amiri's capitals and most Arabic letters stand 0.65–0.8 em tall (hamza on alef reaches 1 em). */
const ascent = (text: FittedText) => text.size * 0.8;
/** Amiri's deepest Arabic descenders (final meem and yeh) reach 0.59 em below the baseline. */
const descent = (text: FittedText) => text.size * 0.62;
/** From the top of the first line's letters to the baseline of the last line. */
const height = (text: FittedText) => ascent(text) + lineHeight(text) * Math.max(0, text.lines.length - 1);

type Anchor = { baseline: number } | { top: number } | { bottom: number };

/**
 * Draws the lines centred on centerX; the anchor is the first line's baseline, the top of its
 * letters, or the last line's baseline. Returns the last line's baseline.
 */
function drawCentered(
  page: PDFPage,
  text: FittedText,
  options: { font: PDFFont; color: Color; centerX?: number } & Anchor,
): number {
  const centerX = options.centerX ?? CENTER_X;
  const firstBaseline =
    'baseline' in options
      ? options.baseline
      : 'top' in options
        ? options.top - ascent(text)
        : options.bottom + lineHeight(text) * (text.lines.length - 1);
  text.lines.forEach((line, index) => {
    const width = options.font.widthOfTextAtSize(line.display, text.size);
    page.pushOperators(beginActualText(line.text));
    page.drawText(line.display, {
      x: centerX - width / 2,
      y: firstBaseline - index * lineHeight(text),
      size: text.size,
      font: options.font,
      color: options.color,
    });
    page.pushOperators(endMarkedContent());
  });
  return firstBaseline - lineHeight(text) * Math.max(0, text.lines.length - 1);
}

/**
 * The glyphs on the page are presentation forms in visual order; ActualText gives copy, search and
 * screen readers the line as written instead (PDF 1.5 marked content, honoured by Acrobat and poppler).
 */
function beginActualText(text: string): PDFOperator {
  // An inline property list; pdf-lib types operator operands without dictionaries, so it goes as text.
  const properties = `<< /ActualText ${PDFHexString.fromText(text).toString()} >>`;
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), properties]);
}
