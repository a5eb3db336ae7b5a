import { localeTools } from '../../plural';
import type en from './en';

const { plural, number, percent } = localeTools('ar');

const ar = {
  learnHome: {
    continueTitle: 'تابع من حيث توقفت',
    startTitle: 'درسك التالي',
    resume: 'تابع',
    start: 'ابدأ',
    allDone: 'أنهيت كل دروس دوراتك. أحسنت! ابحث عن دورة جديدة لتواصل التعلّم.',
    statsTitle: 'تقدّمك',
    streak: 'أيام متتالية',
    streakDays: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا أيام متتالية',
        one: 'يوم واحد',
        two: 'يومان متتاليان',
        few: `${number(p.count)} أيام متتالية`,
        many: `${number(p.count)} يومًا متتاليًا`,
        other: `${number(p.count)} يوم متتالٍ`,
      }),
    streakDoneToday: 'احتُسب اليوم. نراك غدًا!',
    streakKeep: 'أكمل درسًا اليوم لتحافظ على تتابعك.',
    streakStart: 'أكمل درسًا لتبدأ أيامًا متتالية.',
    points: 'النقاط',
    badges: 'الأوسمة',
    nextTitle: 'الدروس التالية',
    newBadges: 'أوسمة جديدة',
    allBadges: 'كل الأوسمة',
  },
  learnCatalog: {
    title: 'ابحث عن دورة',
    lead: 'دورات مدرسة المسجد، لكل الأعمار.',
    search: 'ابحث في الدورات',
    filters: 'التصفية',
    category: 'المادة',
    ageTier: 'الفئة العمرية',
    difficulty: 'المستوى',
    any: 'الكل',
    categories: {
      quran: 'القرآن',
      hadith: 'الحديث',
      fiqh: 'الفقه',
      seerah: 'السيرة',
      aqeedah: 'العقيدة',
      general: 'عام',
    },
    ageTiers: { children: 'الأطفال', youth: 'الناشئة', adults: 'الكبار', all: 'الجميع' },
    difficulties: { beginner: 'مبتدئ', intermediate: 'متوسط', advanced: 'متقدّم' },
    results: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا توجد دورات',
        one: 'دورة واحدة',
        two: 'دورتان',
        few: `${number(p.count)} دورات`,
        many: `${number(p.count)} دورة`,
        other: `${number(p.count)} دورة`,
      }),
    none: 'لا توجد دورة مطابقة. جرّب كلمة أخرى أو تصفية أقل.',
    clear: 'امسح التصفية',
    enrolled: 'مسجّل',
    completed: 'مكتملة',
    with: (p: { name: string }) => `مع ${p.name}`,
    duration: (p: { minutes: number }) =>
      p.minutes < 60
        ? plural(p.minutes, {
            one: 'دقيقة واحدة',
            two: 'دقيقتان',
            few: `${number(p.minutes)} دقائق`,
            other: `${number(p.minutes)} دقيقة`,
          })
        : plural(Math.round(p.minutes / 60), {
            one: 'نحو ساعة',
            two: 'نحو ساعتين',
            few: `نحو ${number(Math.round(p.minutes / 60))} ساعات`,
            other: `نحو ${number(Math.round(p.minutes / 60))} ساعة`,
          }),
  },
  learnCourse: {
    back: 'كل الدورات',
    about: 'عن هذه الدورة',
    instructor: 'معلّمك',
    lessons: 'الدروس',
    yourProgress: 'تقدّمك في هذه الدورة',
    lessonTypes: { article: 'مقالة', video: 'فيديو', audio: 'صوت', quiz: 'اختبار', interactive: 'نشاط' },
    lessonProgress: (p: { percent: number }) => `أُنجز ${percent(p.percent)}`,
    completed: 'مكتمل',
    notStarted: 'لم يبدأ',
    locked: 'مقفل حتى تُنهي الدروس التي قبله',
    prerequisites: 'قبل هذه الدورة',
    prerequisitesMissing: 'أكمل هذه الدورات أولًا:',
    prerequisitesDone: 'أكملت كل الدورات التي تُبنى عليها هذه الدورة.',
    prerequisiteDone: 'مكتملة',
    prerequisitePending: 'لم تكتمل بعد',
    enroll: 'سجّل في الدورة',
    enrolling: 'جارٍ التسجيل…',
    enrolled: 'أنت مسجّل في هذه الدورة.',
    enrolledNow: 'تم تسجيلك. ابدأ بالدرس الأول!',
    enrollFirst: 'سجّل لتفتح الدروس.',
    cannotEnroll: 'أكمل الدورات المذكورة أعلاه لتتمكّن من التسجيل.',
    dropped: 'تركت هذه الدورة. سجّل مرة أخرى لتكمل من حيث توقفت.',
    enrollAgain: 'سجّل مرة أخرى',
    finished: 'أكملت هذه الدورة.',
    startCourse: 'ابدأ الدرس الأول',
  },
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
    noCertificates: 'أكمل دورة لتحصل على شهادتها.',
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
