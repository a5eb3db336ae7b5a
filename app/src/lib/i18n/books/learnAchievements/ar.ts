import { localeTools } from '../../plural';
import type en from './en';

const { plural, number, percent } = localeTools('ar');

const ar = {
  learnBadges: {
    title: 'الإنجازات',
    badges: 'الأوسمة',
    earnedCount: (p: { earned: number; total: number }) => `نلت ${number(p.earned)} من ${number(p.total)}`,
    earnedOn: (p: { date: string }) => `نلته في ${p.date}`,
    notEarned: 'لم تنله بعد',
    points: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا نقاط',
        one: 'نقطة واحدة',
        two: 'نقطتان',
        few: `${number(p.count)} نقاط`,
        other: `${number(p.count)} نقطة`,
      }),
    badgeTypes: { bronze: 'برونزي', silver: 'فضي', gold: 'ذهبي', platinum: 'بلاتيني' },
    rules: {
      course_completion: (p: { count: number }) =>
        plural(p.count, {
          one: 'أكمل دورة',
          two: 'أكمل دورتين',
          few: `أكمل ${number(p.count)} دورات`,
          other: `أكمل ${number(p.count)} دورة`,
        }),
      quiz_mastery: (p: { minScore: number; count: number }) =>
        plural(p.count, {
          one: `احصل على ${percent(p.minScore)} أو أكثر في اختبار`,
          two: `احصل على ${percent(p.minScore)} أو أكثر في اختبارين`,
          few: `احصل على ${percent(p.minScore)} أو أكثر في ${number(p.count)} اختبارات`,
          other: `احصل على ${percent(p.minScore)} أو أكثر في ${number(p.count)} اختبارًا`,
        }),
      streak: (p: { days: number }) =>
        plural(p.days, {
          one: 'تعلّم يومًا',
          two: 'تعلّم يومين متتاليين',
          few: `تعلّم ${number(p.days)} أيام متتالية`,
          other: `تعلّم ${number(p.days)} يومًا متتاليًا`,
        }),
      participation: (p: { lessons: number }) =>
        plural(p.lessons, {
          one: 'أكمل درسًا',
          two: 'أكمل درسين',
          few: `أكمل ${number(p.lessons)} دروس`,
          other: `أكمل ${number(p.lessons)} درسًا`,
        }),
      hifz_surah: (p: { surah: number }) => `احفظ السورة رقم ${number(p.surah)}`,
      hifz_juz: (p: { juz: number }) => `احفظ الجزء ${number(p.juz)}`,
      hifz_juz_count: (p: { count: number }) =>
        plural(p.count, {
          one: 'احفظ جزءًا كاملًا',
          two: 'احفظ جزأين كاملين',
          few: `احفظ ${number(p.count)} أجزاء كاملة`,
          other: `احفظ ${number(p.count)} جزءًا كاملًا`,
        }),
    },
    byTeacher: 'يمنحه معلّموك',
    noBadges: 'لا توجد أوسمة في المدرسة بعد.',
    streak: 'أيام متتالية',
    longest: (p: { count: number }) =>
      plural(p.count, {
        one: 'الأطول: يوم واحد',
        two: 'الأطول: يومان',
        few: `الأطول: ${number(p.count)} أيام`,
        other: `الأطول: ${number(p.count)} يومًا`,
      }),
    totalPoints: 'النقاط',
    certificates: 'الشهادات',
    noCertificates: 'أكمل دورة أو احفظ جزءًا كاملًا لتحصل على شهادة.',
    issuedOn: (p: { date: string }) => `صدرت في ${p.date}`,
    certificateNumber: (p: { number: string }) => `رقم ${p.number}`,
    openPdf: 'افتح الشهادة',
    opening: 'جارٍ الفتح…',
    share: 'شارك رابط التحقق',
    copied: 'نُسخ الرابط. الصقه حيث تشاء.',
    shareTitle: (p: { course: string }) => `شهادتي: ${p.course}`,
    leaderboard: 'لوحة المتصدّرين',
    period: 'المدة',
    periods: { week: 'هذا الأسبوع', month: 'هذا الشهر', all: 'كل الأوقات' },
    you: 'أنت',
    rank: (p: { rank: number }) => `#${number(p.rank)}`,
    yourPlace: (p: { rank: number; points: number }) =>
      `ترتيبك: #${number(p.rank)} بـ${plural(p.points, { one: 'نقطة واحدة', two: 'نقطتين', few: `${number(p.points)} نقاط`, other: `${number(p.points)} نقطة` })}`,
    noEntries: 'لم يحصل أحد على نقاط في هذه المدة بعد.',
  },
} satisfies typeof en;

export default ar;
