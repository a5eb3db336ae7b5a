// npx tsx scripts/render-sample-certificate.ts [out.pdf] — a certificate with an Arabic name and a
// mixed Arabic/Latin title, for looking at the layout and the Arabic shaping with a PDF viewer.
import { writeFileSync } from 'node:fs';
import { readCertificateFonts } from '../tests/support/certificate-fonts';
import { renderCertificatePdf } from '../worker/services/certificates/pdf/render-certificate';

const out = process.argv[2] ?? '/tmp/certificate-sample.pdf';
const pdf = await renderCertificatePdf(
  {
    studentName: 'زيد حسن',
    courseTitle: 'Tafsir سورة الكهف',
    instructorName: 'الشيخ أحمد',
    issuedAt: new Date('2026-11-25T10:00:00Z'),
    certificateNumber: 'AMS-2026-000123',
    verificationUrl: 'https://attaqwamasjid.org/verify/7Hq2kLmN9pQr',
  },
  readCertificateFonts(),
);
writeFileSync(out, pdf);
console.log(`${out} (${pdf.length} bytes)`);
