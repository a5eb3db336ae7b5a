import { localeTools } from '../../plural';
import type en from './en';

const { plural, number, percent } = localeTools('ar');

const ar = {
  quiz: {
    notOffline: 'هذا الاختبار غير محفوظ على هذا الهاتف بعد. افتحه مرة وأنت متصل، أو نزّل دورته، لتؤدّيه دون اتصال.',
    questions: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا أسئلة',
        one: 'سؤال واحد',
        two: 'سؤالان',
        few: `${number(p.count)} أسئلة`,
        other: `${number(p.count)} سؤالًا`,
      }),
    timeLimit: (p: { minutes: number }) =>
      plural(p.minutes, {
        one: 'دقيقة واحدة',
        two: 'دقيقتان',
        few: `${number(p.minutes)} دقائق`,
        other: `${number(p.minutes)} دقيقة`,
      }),
    noTimeLimit: 'بلا حدّ للوقت',
    passMark: (p: { score: number }) => `درجة النجاح ${percent(p.score)}`,
    attempts: (p: { count: number }) =>
      plural(p.count, {
        one: 'محاولة واحدة مسموحة',
        two: 'محاولتان مسموحتان',
        few: `${number(p.count)} محاولات مسموحة`,
        other: `${number(p.count)} محاولة مسموحة`,
      }),
    unlimitedAttempts: 'بلا حدّ للمحاولات',
    start: 'ابدأ الاختبار',
    starting: 'جارٍ البدء…',
    offlineIntro:
      'أنت غير متصل. يمكنك أداء هذا الاختبار الآن: تُحفظ إجاباتك على هذا الهاتف وتُرسل إلى المدرسة عند عودة الاتصال.',
    questionOf: (p: { n: number; total: number }) => `السؤال ${number(p.n)} من ${number(p.total)}`,
    progressLabel: 'تقدّمك في الاختبار',
    points: (p: { count: number }) =>
      plural(p.count, {
        one: 'درجة واحدة',
        two: 'درجتان',
        few: `${number(p.count)} درجات`,
        other: `${number(p.count)} درجة`,
      }),
    chooseOne: 'اختر إجابة واحدة.',
    chooseAll: 'اختر كل الإجابات الصحيحة.',
    true: 'صواب',
    false: 'خطأ',
    yourAnswer: 'إجابتك',
    orderHint: 'رتّب العناصر ترتيبًا صحيحًا بأزرار الأسهم.',
    moveUp: (p: { item: string }) => `انقل «${p.item}» إلى الأعلى`,
    moveDown: (p: { item: string }) => `انقل «${p.item}» إلى الأسفل`,
    moved: (p: { item: string; position: number }) => `«${p.item}» الآن في الموضع ${number(p.position)}.`,
    previous: 'السابق',
    next: 'التالي',
    submit: 'سلّم الإجابات',
    questionList: 'الأسئلة',
    goTo: (p: { n: number; answered: boolean }) =>
      `السؤال ${number(p.n)}، ${p.answered ? 'تمت الإجابة' : 'لم تتم الإجابة'}`,
    unanswered: (p: { count: number }) =>
      plural(p.count, {
        one: 'سؤال واحد بلا إجابة بعد. أتسلّم على أي حال؟',
        two: 'سؤالان بلا إجابة بعد. أتسلّم على أي حال؟',
        few: `${number(p.count)} أسئلة بلا إجابة بعد. أتسلّم على أي حال؟`,
        other: `${number(p.count)} سؤالًا بلا إجابة بعد. أتسلّم على أي حال؟`,
      }),
    submitAnyway: 'سلّم على أي حال',
    keepAnswering: 'تابع الإجابة',
    timeLeft: 'الوقت المتبقي',
    clock: (p: { minutes: number; seconds: number }) =>
      `${number(p.minutes)}:${p.seconds < 10 ? number(0) : ''}${number(p.seconds)}`,
    timeUp: 'انتهى الوقت: سُلّمت إجاباتك.',
    submitting: 'جارٍ التسليم…',
    submitFailed: 'تعذّر إرسال إجاباتك. ما زالت هنا: حاول مرة أخرى.',
    retry: 'حاول مرة أخرى',
    result: 'نتيجتك',
    passed: 'ناجح',
    notPassed: 'لم تنجح بعد',
    score: (p: { score: number }) => percent(p.score),
    earned: (p: { earned: number; possible: number }) => `${number(p.earned)} من ${number(p.possible)} درجة`,
    late: 'سُلّمت بعد انتهاء الوقت: لا يمكن أن تنجح هذه المحاولة.',
    correct: 'صحيحة',
    partly: 'صحيحة جزئيًا',
    wrong: 'غير صحيحة',
    noAnswer: 'بلا إجابة',
    rightAnswer: 'الإجابة الصحيحة',
    acceptedAnswers: 'الإجابات المقبولة',
    explanation: 'الشرح',
    answersLater: 'تظهر الإجابات الصحيحة لاحقًا، كما اختار معلّمك.',
    newBadge: (p: { title: string }) => `شارة جديدة: ${p.title}`,
    takeAgain: 'أدِّ الاختبار مرة أخرى',
    takenOffline: 'أُدّي دون اتصال',
    savedTitle: 'محفوظ على هذا الهاتف',
    savedBody: 'إجاباتك محفوظة على هذا الهاتف وستُرسل إلى المدرسة عند عودة الاتصال. تظهر نتيجتك هنا بعد تصحيحها.',
    sending: 'جارٍ الإرسال إلى المدرسة…',
    waiting: 'في انتظار الاتصال بالمدرسة',
    sent: 'أُرسلت إلى المدرسة',
    refused: 'لم تقبل المدرسة هذه المحاولة',
  },
} satisfies typeof en;

export default ar;
