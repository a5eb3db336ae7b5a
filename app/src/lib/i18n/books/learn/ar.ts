import { localeTools } from '../../plural';
import type en from './en';

const { plural, number } = localeTools('ar');

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
    badgePoints: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا نقاط',
        one: 'نقطة واحدة',
        two: 'نقطتان',
        few: `${number(p.count)} نقاط`,
        other: `${number(p.count)} نقطة`,
      }),
  },
} satisfies typeof en;

export default ar;
