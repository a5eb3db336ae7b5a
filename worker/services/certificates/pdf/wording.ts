/** The languages a certificate is printed in. */
export type CertificateLanguage = 'en' | 'ar';

/** What a certificate attests: a completed course, or Quran memorised (a hifz milestone). */
export type CertificateKind = 'course' | 'memorisation';

/** The fixed words printed around the student's name and the title. */
export interface CertificateWording {
  language: CertificateLanguage;
  heading: string;
  certifies: string;
  achieved: string;
  /** Over the name of whoever taught it: the course's instructor, the teacher who heard the recitation. */
  teacherLabel: string;
  dateLabel: string;
  numberLabel: string;
  verifyAt: (url: string) => string;
  /** The PDF's title and subject (metadata), as written. */
  documentTitle: (title: string) => string;
  documentSubject: (name: string, title: string) => string;
}

const ENGLISH: Record<CertificateKind, CertificateWording> = {
  course: {
    language: 'en',
    heading: 'Certificate of Completion',
    certifies: 'This is to certify that',
    achieved: 'has completed the course',
    teacherLabel: 'Instructor',
    dateLabel: 'Date of issue',
    numberLabel: 'Certificate No.',
    verifyAt: (url) => `Verify at ${url}`,
    documentTitle: (title) => `Certificate of Completion: ${title}`,
    documentSubject: (name, title) => `${name} has completed ${title}`,
  },
  memorisation: {
    language: 'en',
    heading: 'Certificate of Memorisation',
    certifies: 'This is to certify that',
    achieved: 'has memorised',
    teacherLabel: 'Teacher',
    dateLabel: 'Date of issue',
    numberLabel: 'Certificate No.',
    verifyAt: (url) => `Verify at ${url}`,
    documentTitle: (title) => `Certificate of Memorisation: ${title}`,
    documentSubject: (name, title) => `${name} has memorised ${title}`,
  },
};

// Without harakat (pdf-lib cannot position them well), and phrased so that one wording fits a boy or a
// girl: "we attest the completion by <name> of the memorisation of <title>".
const ARABIC: Record<CertificateKind, CertificateWording> = {
  course: {
    language: 'ar',
    heading: 'شهادة إتمام',
    certifies: 'نشهد بإتمام',
    achieved: 'الدورة',
    teacherLabel: 'المعلم',
    dateLabel: 'تاريخ الإصدار',
    numberLabel: 'رقم الشهادة',
    verifyAt: (url) => `للتحقق من الشهادة: ${url}`,
    documentTitle: (title) => `شهادة إتمام: ${title}`,
    documentSubject: (name, title) => `أتم ${name} ${title}`,
  },
  memorisation: {
    language: 'ar',
    heading: 'شهادة حفظ',
    certifies: 'نشهد بإتمام',
    achieved: 'حفظ',
    teacherLabel: 'المعلم',
    dateLabel: 'تاريخ الإصدار',
    numberLabel: 'رقم الشهادة',
    verifyAt: (url) => `للتحقق من الشهادة: ${url}`,
    documentTitle: (title) => `شهادة حفظ: ${title}`,
    documentSubject: (name, title) => `أتم ${name} حفظ ${title}`,
  },
};

export function certificateWording(kind: CertificateKind, language: CertificateLanguage = 'en'): CertificateWording {
  return (language === 'ar' ? ARABIC : ENGLISH)[kind];
}

/** A profile's locale ("ar", "ar-EG", "en") as a certificate language: Arabic or else English. */
export const certificateLanguage = (locale: string | null | undefined): CertificateLanguage =>
  locale?.toLowerCase().startsWith('ar') ? 'ar' : 'en';

/** Digits as Arabic text writes them (٠١٢٣٤٥٦٧٨٩), for numbers inside Arabic phrases. */
export const arabicDigits = (value: number | string): string =>
  String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
