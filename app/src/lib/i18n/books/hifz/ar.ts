import { localeTools } from '../../plural';
import type en from './en';

const { plural, number } = localeTools('ar');

const ar = {
  hifz: {
    title: 'الحفظ',
    classTitle: 'حلقة الحفظ',
    classLead: 'اضغط على اسم الطالب لتسمع السبق والسبقي والمنزل لليوم.',
    noStudents: 'لا توجد خطة حفظ باسمك بعد.',
    heardThisWeek: 'سُمِّع هذا الأسبوع',
    notHeardThisWeek: 'لم يُسمَّع هذا الأسبوع',
    behindPlan: 'متأخر عن الخطة',
    onPlan: 'على الخطة',
    toGrade: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا تسجيلات للتقييم',
        one: 'تسجيل واحد للتقييم',
        two: 'تسجيلان للتقييم',
        few: `${number(p.count)} تسجيلات للتقييم`,
        other: `${number(p.count)} تسجيلًا للتقييم`,
      }),
    sabaqToday: (p: { range: string }) => `سبق اليوم: ${p.range}`,
    lastHeard: (p: { date: string }) => `آخر تسميع ${p.date}`,
    noPlan: 'لا توجد خطة حفظ بعد. يضعها المعلّم.',
    kinds: { sabaq: 'السبق (جديد)', sabqi: 'السبقي (قريب)', manzil: 'المنزل (مراجعة)' },
    repeat: 'إعادة: لم يُقبل بعد',
    range: 'المقطع المسموع',
    rangeHint: 'مثل ٧٨:١-١٦، النبأ، الجزء ٣٠',
    grade: 'التقدير',
    grades: {
      excellent: 'ممتاز',
      very_good: 'جيد جدًا',
      good: 'جيد',
      acceptable: 'مقبول',
      needs_repeat: 'يحتاج إعادة',
    },
    mistakeType: 'اضغط على كلمة لتسجيل',
    mistakeTypes: {
      forgotten_word: 'كلمة منسية',
      wrong_word: 'كلمة خاطئة',
      tajweed: 'تجويد',
      hesitation: 'تردد',
    },
    mistakes: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا أخطاء',
        one: 'خطأ واحد',
        two: 'خطآن',
        few: `${number(p.count)} أخطاء`,
        other: `${number(p.count)} خطأً`,
      }),
    wordButton: (p: { word: string; ref: string }) => `${p.word} (${p.ref})`,
    skip: 'لم يُسمَّع اليوم',
    absent: 'غائب',
    saveSitting: 'حفظ الجلسة',
    saved: 'حُفظت على هذا الجهاز، وتُرسل إلى المدرسة عند الاتصال.',
    sent: 'أُرسلت إلى المدرسة.',
    showMore: 'عرض بقية المقطع',
    mapTitle: 'خريطة القرآن',
    mapLegend: { strong: 'قوي', fair: 'متوسط', weak: 'ضعيف', unheard: 'لم يُسمَّع منذ مدة', not_memorised: 'لم يُحفظ بعد' },
    juz: (p: { n: number }) => `الجزء ${number(p.n)}`,
    cell: (p: { surah: string; memorised: number; ayahs: number; level: string }) =>
      `${p.surah}: ${number(p.memorised)} من ${number(p.ayahs)} آية، ${p.level}`,
    memorised: (p: { ayahs: number; juz: number }) =>
      `${number(p.ayahs)} آية محفوظة · ${number(p.juz)} ${p.juz === 1 ? 'جزء كامل' : 'أجزاء كاملة'}`,
    surah: (p: { name: string }) => `سورة ${p.name}`,
    juzCount: (p: { count: number }) => `${number(p.count)} أجزاء محفوظة`,
    weakTitle: 'للمراجعة أولًا',
    daysPresent: (p: { last7: number; last30: number }) =>
      `حضر ${number(p.last7)} من آخر ٧ أيام، و${number(p.last30)} من آخر ٣٠ يومًا`,
    milestones: 'الإنجازات',
    sittingsTitle: 'آخر الجلسات',
    noSittings: 'لم تُسجَّل أي جلسة بعد.',
    weekTitle: 'هذا الأسبوع',
    week: (p: { present: number; ayahs: number }) =>
      `حضر ${number(p.present)} ${p.present === 1 ? 'يومًا' : 'أيام'} · ${number(p.ayahs)} آية جديدة`,
    recordTitle: 'سجّل تلاوة',
    recordLead: 'سمّع لمعلّمك من البيت. يبقى التسجيل على هذا الهاتف حتى يُرسل.',
    record: 'ابدأ التسجيل',
    stop: 'إيقاف',
    recording: 'جارٍ التسجيل…',
    send: 'أرسل إلى معلّمي',
    discard: 'تجاهل',
    micRefused: 'الميكروفون غير مسموح. اسمح به من إعدادات المتصفح للتسجيل.',
    recordingsTitle: 'تسجيلاتي',
    recordingState: {
      phone: 'محفوظ على هذا الهاتف',
      uploading: 'جارٍ الرفع',
      submitted: 'بانتظار المعلّم',
      graded: 'مُقيَّم',
    },
    gradeTitle: 'تسجيلات للتقييم',
    saveGrade: 'حفظ التقدير',
    delete: 'حذف التسجيل',
    deleted: 'حُذف التسجيل.',
    openStudent: (p: { name: string }) => `افتح ${p.name}`,
  },
} satisfies typeof en;

export default ar;
