import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readCertificateFonts } from '../../../../tests/support/certificate-fonts';
import { readDrawnLines, type DrawnLine } from '../../../../tests/support/pdf-text-layer';
import { toDisplayText } from './display-text';
import { renderCertificatePdf, type CertificateInput } from './render-certificate';
import { certificateWording } from './wording';

const fonts = readCertificateFonts();
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

const arabicCertificate: CertificateInput = {
  studentName: 'زيد حسن',
  courseTitle: 'Tafsir سورة الكهف',
  instructorName: 'الشيخ أحمد',
  issuedAt: new Date('2026-11-25T10:00:00Z'),
  certificateNumber: 'AMS-2026-000123',
  verificationUrl: 'https://attaqwamasjid.org/verify/7Hq2kLmN9pQr',
};

const lineSaying = (lines: DrawnLine[], text: string) => lines.find((line) => line.actualText === text);

describe('rendering a certificate PDF', () => {
  it('gives one A4 landscape page that parses back', async () => {
    const pdf = await renderCertificatePdf(arabicCertificate, fonts);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(A4_LANDSCAPE.width, 1);
    expect(height).toBeCloseTo(A4_LANDSCAPE.height, 1);
  });

  it('sets the metadata, with the issue date as creation and modification date', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(arabicCertificate, fonts), { updateMetadata: false });
    expect(doc.getTitle()).toBe('Certificate of Completion: Tafsir سورة الكهف');
    expect(doc.getAuthor()).toBe('AttaqwaMasjid School');
    expect(doc.getSubject()).toBe('زيد حسن has completed Tafsir سورة الكهف');
    expect(doc.getKeywords()).toContain('AMS-2026-000123');
    expect(doc.getCreator()).toBe('AttaqwaMasjid LMS (pdf-lib)');
    expect(doc.getProducer()).toBe('AttaqwaMasjid LMS (pdf-lib)');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-25T10:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('gives the same bytes for the same input', async () => {
    const first = await renderCertificatePdf(arabicCertificate, fonts);
    const second = await renderCertificatePdf({ ...arabicCertificate }, fonts);
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('embeds only the glyphs it uses, so the file stays small', async () => {
    const pdf = await renderCertificatePdf(arabicCertificate, fonts);
    expect(pdf.length).toBeLessThan(40_000);
  });

  it('draws the Arabic name joined and right to left, and its text layer says the name as written', async () => {
    const lines = await readDrawnLines(await renderCertificatePdf(arabicCertificate, fonts));
    const name = lineSaying(lines, 'زيد حسن');
    expect(name?.drawn).toBe('\u{FEE6}\u{FEB4}\u{FEA3} \u{FEAA}\u{FEF3}\u{FEAF}');
    expect(name?.fontSize).toBe(40);
  });

  it('draws a mixed title with the Latin word first and the Arabic run right to left', async () => {
    const lines = await readDrawnLines(await renderCertificatePdf(arabicCertificate, fonts));
    expect(lineSaying(lines, 'Tafsir سورة الكهف')?.drawn).toBe(toDisplayText('Tafsir سورة الكهف'));
    expect(lineSaying(lines, 'Tafsir سورة الكهف')?.drawn.startsWith('Tafsir ')).toBe(true);
  });

  it('draws every line that the layout promises, and no .notdef glyph anywhere', async () => {
    const lines = await readDrawnLines(await renderCertificatePdf(arabicCertificate, fonts));
    expect(lines.map((line) => line.actualText)).toEqual([
      'AttaqwaMasjid School',
      'Certificate of Completion',
      'This is to certify that',
      'زيد حسن',
      'has completed the course',
      'Tafsir سورة الكهف',
      'الشيخ أحمد',
      'Instructor',
      '25 November 2026',
      'Date of issue',
      'AMS-2026-000123',
      'Certificate No.',
      'Verify at https://attaqwamasjid.org/verify/7Hq2kLmN9pQr',
    ]);
    for (const line of lines) {
      expect(line.glyphIds).not.toContain(0);
      expect(line.drawn).toBe(toDisplayText(line.actualText));
    }
  });

  it('leaves the instructor out when there is none, and takes a school name', async () => {
    const pdf = await renderCertificatePdf(
      { ...arabicCertificate, instructorName: null, schoolName: 'مدرسة مسجد التقوى' },
      fonts,
    );
    const texts = (await readDrawnLines(pdf)).map((line) => line.actualText);
    expect(texts).not.toContain('Instructor');
    expect(texts[0]).toBe('مدرسة مسجد التقوى');
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getAuthor()).toBe('مدرسة مسجد التقوى');
  });

  it('renders "The Life of the Prophet ﷺ" with the honorific glyph', async () => {
    const lines = await readDrawnLines(
      await renderCertificatePdf({ ...arabicCertificate, courseTitle: 'The Life of the Prophet ﷺ' }, fonts),
    );
    expect(lineSaying(lines, 'The Life of the Prophet ﷺ')?.drawn).toBe('The Life of the Prophet ﷺ');
  });

  it('wraps a long name and title onto two lines each and fits a long link, all inside the frame', async () => {
    const studentName = 'عبد الرحمن بن عبد الله بن محمد آل إبراهيم الهاشمي القرشي';
    const courseTitle =
      'The Forty Hadith of Imam al-Nawawi with Commentary, Memorisation and Tajweed: شرح الأربعين النووية';
    const verificationUrl = `https://attaqwamasjid.org/certificates/verify/${'x'.repeat(150)}`;
    const lines = await readDrawnLines(
      await renderCertificatePdf({ ...arabicCertificate, studentName, courseTitle, verificationUrl }, fonts),
    );
    const partsOf = (whole: string) =>
      lines.filter((line) => whole.includes(line.actualText)).map((line) => line.actualText);

    expect(partsOf(studentName)).toHaveLength(2);
    expect(partsOf(studentName).join(' ')).toBe(studentName);
    expect(partsOf(courseTitle)).toHaveLength(2);
    expect(partsOf(courseTitle).join(' ')).toBe(courseTitle);
    const verification = `Verify at ${verificationUrl}`;
    expect(partsOf(verification).length).toBeLessThanOrEqual(2);
    expect(partsOf(verification).join('').replaceAll(' ', '')).toBe(verification.replaceAll(' ', ''));
    // Lines are centred, so a left edge inside the frame means the right edge is too.
    const frameInside = 30;
    for (const line of lines) {
      expect(line.x).toBeGreaterThanOrEqual(frameInside);
      expect(line.y).toBeGreaterThan(frameInside);
      expect(line.y).toBeLessThan(A4_LANDSCAPE.height - frameInside);
    }
  });

  it('prints a memorisation certificate with the range under the title and the teacher', async () => {
    const pdf = await renderCertificatePdf(
      {
        ...arabicCertificate,
        studentName: 'Zaid Hassan',
        courseTitle: "Juz 30 (Juz 'Amma)",
        detail: 'An-Naba 1 – An-Nas 6',
        instructorName: 'Amina Rahman',
        wording: certificateWording('memorisation'),
      },
      fonts,
    );
    expect((await readDrawnLines(pdf)).map((line) => line.actualText)).toEqual([
      'AttaqwaMasjid School',
      'Certificate of Memorisation',
      'This is to certify that',
      'Zaid Hassan',
      'has memorised',
      "Juz 30 (Juz 'Amma)",
      'An-Naba 1 – An-Nas 6',
      'Amina Rahman',
      'Teacher',
      '25 November 2026',
      'Date of issue',
      'AMS-2026-000123',
      'Certificate No.',
      'Verify at https://attaqwamasjid.org/verify/7Hq2kLmN9pQr',
    ]);
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getTitle()).toBe(
      "Certificate of Memorisation: Juz 30 (Juz 'Amma)",
    );
  });

  it('prints the whole certificate in Arabic, the teacher first from the right, every glyph in the font', async () => {
    const pdf = await renderCertificatePdf(
      {
        ...arabicCertificate,
        courseTitle: 'الجزء ٣٠ (جزء عم)',
        detail: 'النبإ ١ – الناس ٦',
        wording: certificateWording('memorisation', 'ar'),
      },
      fonts,
    );
    const lines = await readDrawnLines(pdf);
    expect(lines.map((line) => line.actualText)).toEqual([
      'AttaqwaMasjid School',
      'شهادة حفظ',
      'نشهد بإتمام',
      'زيد حسن',
      'حفظ',
      'الجزء ٣٠ (جزء عم)',
      'النبإ ١ – الناس ٦',
      'AMS-2026-000123',
      'رقم الشهادة',
      '٢٥ نوفمبر ٢٠٢٦',
      'تاريخ الإصدار',
      'الشيخ أحمد',
      'المعلم',
      'للتحقق من الشهادة: https://attaqwamasjid.org/verify/7Hq2kLmN9pQr',
    ]);
    for (const line of lines) {
      expect(line.glyphIds).not.toContain(0);
      expect(line.drawn).toBe(toDisplayText(line.actualText));
    }
    const teacher = lineSaying(lines, 'الشيخ أحمد')!;
    expect(teacher.x).toBeGreaterThan(lineSaying(lines, 'AMS-2026-000123')!.x);
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getTitle()).toBe('شهادة حفظ: الجزء ٣٠ (جزء عم)');
  });

  it('refuses a blank name and an invalid date rather than print a broken certificate', async () => {
    await expect(renderCertificatePdf({ ...arabicCertificate, studentName: '  ' }, fonts)).rejects.toThrow(
      /studentName/,
    );
    await expect(renderCertificatePdf({ ...arabicCertificate, issuedAt: new Date('nope') }, fonts)).rejects.toThrow(
      RangeError,
    );
  });
});
