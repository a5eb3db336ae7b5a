import { localeTools } from '../../plural';
import type en from './en';

const { plural, number, percent } = localeTools('ar');

const ar = {
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
} satisfies typeof en;

export default ar;
