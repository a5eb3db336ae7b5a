import { localeTools } from '../../plural';
import type en from './en';

const { plural, number } = localeTools('ar');

const ar = {
  player: {
    lessonTypes: { article: 'قراءة', audio: 'استماع', video: 'فيديو', quiz: 'اختبار', interactive: 'نشاط' },
    minutes: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا دقائق',
        one: 'دقيقة واحدة',
        two: 'دقيقتان',
        few: `${number(p.count)} دقائق`,
        many: `${number(p.count)} دقيقة`,
        other: `${number(p.count)} دقيقة`,
      }),
    noMedia: 'لم يُضَف تسجيل هذا الدرس بعد.',
    mediaNotDownloaded:
      'تسجيل هذا الدرس غير موجود على هذا الهاتف. اتصل بالإنترنت، أو نزّل الدورة للاستخدام دون اتصال وأنت متصل.',
    mediaFailed: 'تعذّر تشغيل التسجيل.',
    controls: 'أزرار التشغيل',
    play: 'تشغيل',
    pause: 'إيقاف مؤقت',
    back5: 'رجوع ٥ ثوانٍ',
    forward5: 'تقديم ٥ ثوانٍ',
    seek: 'الموضع',
    positionOf: (p: { position: string; duration: string }) => `${p.position} من ${p.duration}`,
    speed: 'السرعة',
    captions: 'الترجمة النصية',
    speedValue: (p: { rate: string }) => `${p.rate}×`,
    repeat: 'تكرار مقطع',
    repeatHint: 'شغّل حتى بداية المقطع واضغط «ابدأ من هنا»، ثم حتى نهايته واضغط «انتهِ هنا».',
    markStart: 'ابدأ من هنا',
    markEnd: 'انتهِ هنا',
    times: 'عدد المرات',
    repeatOn: 'كرّر هذا المقطع',
    clearRepeat: 'مسح',
    stretch: (p: { start: string; end: string }) => `المقطع ${p.start} – ${p.end}`,
    repeatProgress: (p: { done: number; times: number }) => `شُغّل ${number(p.done)} من ${number(p.times)}`,
    repeatFinished: (p: { times: number }) =>
      plural(p.times, {
        one: 'شُغّل مرة واحدة. سمّعه بنفسك الآن.',
        two: 'شُغّل مرتين. سمّعه بنفسك الآن.',
        few: `شُغّل ${number(p.times)} مرات. سمّعه بنفسك الآن.`,
        other: `شُغّل ${number(p.times)} مرة. سمّعه بنفسك الآن.`,
      }),
    endBeforeStart: 'يجب أن تأتي النهاية بعد البداية.',
    noActivity: 'لم يُجهَّز هذا النشاط بعد.',
    activityDone: 'أحسنت! أنهيت النشاط.',
    flashcards: {
      title: 'بطاقات الحفظ',
      cardOf: (p: { index: number; count: number }) => `البطاقة ${number(p.index)} من ${number(p.count)}`,
      turn: 'اقلب البطاقة',
      turnBack: 'اعرض الوجه',
      knew: 'عرفتها',
      again: 'أعِدها لاحقًا',
      left: (p: { count: number }) =>
        plural(p.count, {
          one: 'بقيت بطاقة واحدة',
          two: 'بقيت بطاقتان',
          few: `بقيت ${number(p.count)} بطاقات`,
          other: `بقيت ${number(p.count)} بطاقة`,
        }),
      restart: 'ابدأ من جديد',
      keys: 'المفاتيح: المسافة تقلب البطاقة، K «عرفتها»، A «أعِدها لاحقًا».',
    },
    order: {
      title: 'رتّب',
      position: (p: { index: number; count: number }) => `الموضع ${number(p.index)} من ${number(p.count)}`,
      up: (p: { item: string }) => `انقل «${p.item}» إلى الأعلى`,
      down: (p: { item: string }) => `انقل «${p.item}» إلى الأسفل`,
      moved: (p: { item: string; index: number }) => `«${p.item}» الآن في الموضع ${number(p.index)}.`,
      check: 'تحقّق من ترتيبي',
      correct: (p: { count: number; total: number }) => `${number(p.count)} من ${number(p.total)} في مكانها الصحيح.`,
      right: 'في مكانه الصحيح',
      wrong: 'ليس هنا',
      keys: 'انقل العنصر بأزرار الأسهم بجانبه، أو ركّز عليه واضغط Alt مع السهم للأعلى أو للأسفل.',
    },
  },
  download: {
    title: 'التنزيلات',
    lead: 'احفظ الدورة على هذا الهاتف لتدرسها دون اتصال: دروسها وتسجيلاتها ومقاطعها المرئية.',
    download: 'تنزيل للاستخدام دون اتصال',
    resume: 'استئناف التنزيل',
    open: 'افتح الدورة',
    remove: 'حذف التنزيل',
    removeConfirm: (p: { course: string }) => `حذف تنزيل «${p.course}»؟ تبقى دروسها في دوراتك.`,
    downloading: 'جارٍ التنزيل…',
    downloaded: 'مُنزّلة: متاحة دون اتصال',
    failed: 'توقف التنزيل. اتصل بالإنترنت واستأنفه.',
    notDownloaded: 'غير مُنزّلة',
    nothingToDownload: 'لا تسجيلات ولا مقاطع مرئية في هذه الدورة: دروسها متاحة دون اتصال.',
    progress: (p: { course: string }) => `تنزيل «${p.course}»`,
    files: (p: { count: number }) =>
      plural(p.count, {
        zero: 'لا ملفات',
        one: 'ملف واحد',
        two: 'ملفان',
        few: `${number(p.count)} ملفات`,
        other: `${number(p.count)} ملفًا`,
      }),
    size: (p: { size: string }) => `الحجم: ${p.size}`,
    storageLeft: (p: { size: string }) => `المساحة المتبقية للتطبيق على هذا الهاتف: ${p.size}`,
    persisted: 'يحتفظ الهاتف بالتنزيلات حتى عند امتلاء المساحة.',
    notPersisted: 'قد يحذف الهاتف التنزيلات عند امتلاء المساحة.',
    needsConnection: 'اتصل بالإنترنت للتنزيل.',
    noCourses: 'لم تسجّل في أي دورة بعد.',
  },
} satisfies typeof en;

export default ar;
