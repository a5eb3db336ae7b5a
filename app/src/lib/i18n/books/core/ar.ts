import { localeTools } from '../../plural';
import type { CoreMessages } from './en';

const { plural, number, percent } = localeTools('ar');

const ar = {
  meta: { name: 'العربية', dir: 'rtl' },
  app: {
    name: 'تعلّم مع مسجد التقوى',
    shortName: 'التقوى',
    skipToContent: 'انتقل إلى المحتوى الرئيسي',
    loading: 'جارٍ التحميل…',
    offline: 'أنت غير متصل بالإنترنت. عملك محفوظ على هذا الهاتف وسيُرسل عند عودة الاتصال.',
    install: 'ثبّت التطبيق',
    installHint: 'أضف التطبيق إلى الشاشة الرئيسية',
    updateReady: 'إصدار جديد من التطبيق جاهز.',
    updateReload: 'أعد التحميل الآن',
    updateLater: 'لاحقًا',
    language: 'اللغة',
    notFound: 'هذه الصفحة غير موجودة.',
    goHome: 'اذهب إلى الصفحة الرئيسية',
    somethingWrong: 'حدث خطأ ما.',
    networkError: 'تعذّر الوصول إلى المدرسة. تحقّق من الاتصال وحاول مرة أخرى.',
  },
  nav: {
    main: 'القائمة الرئيسية',
    home: 'الرئيسية',
    courses: 'الدورات',
    progress: 'التقدّم',
    badges: 'الأوسمة',
    family: 'العائلة',
    children: 'الأبناء',
    downloads: 'التنزيلات',
    account: 'الحساب',
    teach: 'التدريس',
    hifz: 'الحفظ',
    admin: 'إدارة المدرسة',
    reports: 'التقارير',
    signOut: 'تسجيل الخروج',
  },
  auth: {
    signInTitle: 'تسجيل الدخول',
    signInLead: 'السلام عليكم! سجّل الدخول لتواصل التعلّم.',
    identifier: 'اسم المستخدم أو البريد الإلكتروني',
    identifierHint: 'يسجّل الأطفال الدخول باسم المستخدم الذي أعطاهم إياه المعلّم أو الوالد.',
    password: 'كلمة المرور',
    showPassword: 'أظهر كلمة المرور',
    signInButton: 'دخول',
    signingIn: 'جارٍ تسجيل الدخول…',
    noAccount: 'جديد هنا؟',
    createAccount: 'أنشئ حسابًا',
    signUpTitle: 'إنشاء حساب',
    signUpLead: 'يستطيع الطلاب إنشاء حساباتهم بأنفسهم، ويمكن لأولياء أمور الأطفال الصغار أن يطلبوا ذلك من المدرسة.',
    username: 'اسم المستخدم',
    usernameHint: '٣ أحرف على الأقل: حروف أو أرقام أو نقاط أو شرطات.',
    email: 'البريد الإلكتروني',
    newPassword: 'كلمة المرور',
    passwordHint: '٨ أحرف على الأقل.',
    signUpButton: 'أنشئ الحساب',
    signingUp: 'جارٍ إنشاء حسابك…',
    haveAccount: 'لديك حساب؟',
    goToSignIn: 'سجّل الدخول',
    errorTitle: 'لم تنجح العملية',
    invalidCredentials: 'اسم المستخدم أو كلمة المرور غير صحيحة. تحقّق منهما وحاول مرة أخرى.',
    tooMany: 'محاولات كثيرة. انتظر بضع دقائق ثم حاول مرة أخرى.',
    signedInAs: (p: { name: string }) => `مسجّل الدخول باسم ${p.name}`,
  },
  roles: { student: 'طالب', parent: 'وليّ أمر', teacher: 'معلّم', admin: 'مدير' },
  signOut: {
    sending: 'نرسل عملك المحفوظ قبل تسجيل الخروج…',
    unsentTitle: 'بعض العمل لم يُرسل بعد',
    unsent: (p: { count: number }) =>
      plural(p.count, {
        one: 'عمل واحد محفوظ على هذا الهاتف فقط، وسيضيع إن سجّلت الخروج الآن.',
        two: 'عملان محفوظان على هذا الهاتف فقط، وسيضيعان إن سجّلت الخروج الآن.',
        few: `${number(p.count)} أعمال محفوظة على هذا الهاتف فقط، وستضيع إن سجّلت الخروج الآن.`,
        other: `${number(p.count)} عملًا محفوظًا على هذا الهاتف فقط، وستضيع إن سجّلت الخروج الآن.`,
      }),
    stay: 'ابقَ مسجّلًا',
    eraseAndSignOut: 'اخرج وامسح',
  },
  learn: {
    greeting: (p: { name: string }) => `السلام عليكم يا ${p.name}`,
    myCourses: 'دوراتي',
    noCourses: 'لم تلتحق بأي دورة بعد.',
    browseCourses: 'ابحث عن دورة',
    progress: (p: { percent: number }) => `أُنجز ${percent(p.percent)}`,
    lessons: (p: { count: number }) =>
      plural(p.count, {
        one: 'درس واحد',
        two: 'درسان',
        few: `${number(p.count)} دروس`,
        other: `${number(p.count)} درسًا`,
      }),
    continue: 'تابِع',
    markComplete: 'علّم الدرس كمكتمل',
    completed: 'مكتمل',
    lessonNotOffline: 'هذا الدرس غير محمّل على الهاتف. اتصل بالإنترنت لفتحه.',
    backToHome: 'عودة إلى الرئيسية',
  },
  outbox: {
    title: 'العمل المحفوظ على هذا الهاتف',
    empty: 'وصل كل ما أنجزته إلى المدرسة.',
    pending: 'محفوظ على هذا الهاتف',
    sending: 'جارٍ الإرسال…',
    sent: 'أُرسل',
    refused: 'مرفوض',
    pendingCount: (p: { count: number }) =>
      plural(p.count, {
        one: 'عنصر واحد ينتظر الإرسال',
        two: 'عنصران ينتظران الإرسال',
        few: `${number(p.count)} عناصر تنتظر الإرسال`,
        other: `${number(p.count)} عنصرًا ينتظر الإرسال`,
      }),
    sendNow: 'أرسل الآن',
    progressItem: (p: { lesson: string }) => `تقدّم في «${p.lesson}»`,
    completedItem: (p: { lesson: string }) => `أتممت «${p.lesson}»`,
    quizItem: (p: { quiz: string }) => `إجابات «${p.quiz}»`,
  },
  verify: {
    title: 'التحقّق من الشهادة',
    genuine: 'هذه الشهادة صحيحة.',
    awardedTo: 'مُنحت إلى',
    course: 'الدورة',
    memorised: 'المحفوظ',
    date: 'التاريخ',
    number: 'رقم الشهادة',
    notFound: 'لا توجد شهادة بهذا الرمز.',
    failed: 'تعذّر التحقّق من الشهادة الآن. حاول مرة أخرى.',
    checking: 'جارٍ التحقّق…',
  },
  certificateTitles: {
    juz: (p: { n: number }) => {
      const name = ({ 28: 'جزء قد سمع', 29: 'جزء تبارك', 30: 'جزء عمّ' } as Record<number, string>)[p.n];
      return `الجزء ${number(p.n)}${name ? ` (${name})` : ''}`;
    },
    juzCount: (p: { count: number }) =>
      p.count === 30
        ? 'القرآن الكريم كاملًا'
        : `${number(p.count)} ${p.count <= 10 ? 'أجزاء' : 'جزءًا'} من القرآن الكريم`,
    surah: (p: { n: number }) => `السورة ${number(p.n)}`,
  },
} satisfies CoreMessages;

export default ar;
