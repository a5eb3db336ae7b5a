import { localeTools } from '../../plural';
import type en from './en';

const { plural, number } = localeTools('ar');
const span = (p: { first: number; last: number }) =>
  p.first === p.last ? number(p.first) : `${number(p.first)}–${number(p.last)}`;

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
    noRecordings: 'لا تسجيل بعد.',
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
  hifzPlan: {
    title: 'خطة الحفظ',
    setTitle: 'وضع خطة حفظ',
    noPlan: 'لا توجد خطة حفظ بعد. ضعها أدناه، ويقترح التطبيق السبق والسبقي والمنزل كل يوم.',
    noPlanFor: (p: { name: string }) =>
      `لا توجد خطة حفظ لـ${p.name} بعد. ضعها أدناه، ويقترح التطبيق السبق والسبقي والمنزل كل يوم.`,
    edit: 'تعديل الخطة',
    direction: 'اتجاه الحفظ',
    directions: { reverse: 'من الناس صعودًا (جزء عمّ أولًا)', forward: 'من البقرة إلى آخر المصحف' },
    start: 'البداية من',
    startHint: 'آية أو سورة، مثل ١١٤:١ أو الناس',
    newAmount: 'السبق (الجديد) كل يوم',
    newUnit: 'يُعدّ السبق بـ',
    newUnits: { lines: 'الأسطر', ayahs: 'الآيات', half_pages: 'أنصاف الصفحات' },
    sabqiDays: 'السبقي: عدد أيام السبق القريب للمراجعة',
    sabqiHint: 'مثل ٧ لسبق الأسبوع الماضي؛ ٠ بلا سبقي',
    manzilAmount: 'المنزل (المراجعة) كل يوم',
    manzilUnit: 'يُعدّ المنزل بـ',
    manzilUnits: { juz: 'الأجزاء', hizb: 'الأحزاب', quarters: 'الأرباع', pages: 'الصفحات' },
    teacher: 'المعلّم الذي يسمّع للطالب',
    noTeacher: 'لا معلّم بعد',
    save: 'حفظ الخطة',
    saving: 'جارٍ الحفظ…',
    saved: 'حُفظت الخطة. اقتراح اليوم أدناه.',
    offline:
      'أنت غير متصل. الخطة تحفظها المدرسة لا هذا الجهاز: احفظها عند عودة الاتصال. ويمكن تسجيل الجلسات دون اتصال.',
    problems: {
      required: 'املأ هذا الحقل.',
      range: (p: { min: number; max: number }) => `عدد صحيح من ${number(p.min)} إلى ${number(p.max)}.`,
      tooLong: (p: { max: number }) => `${number(p.max)} حرفًا على الأكثر.`,
    },
    amount: {
      lines: (n: number) =>
        plural(n, {
          zero: `${number(n)} سطرًا`,
          one: 'سطر واحد',
          two: 'سطران',
          few: `${number(n)} أسطر`,
          other: `${number(n)} سطرًا`,
        }),
      ayahs: (n: number) =>
        plural(n, {
          zero: `${number(n)} آية`,
          one: 'آية واحدة',
          two: 'آيتان',
          few: `${number(n)} آيات`,
          other: `${number(n)} آية`,
        }),
      half_pages: (n: number) =>
        plural(n, {
          zero: `${number(n)} نصف صفحة`,
          one: 'نصف صفحة',
          two: 'نصفا صفحة',
          few: `${number(n)} أنصاف صفحات`,
          other: `${number(n)} نصف صفحة`,
        }),
      juz: (n: number) =>
        plural(n, {
          zero: `${number(n)} جزءًا`,
          one: 'جزء واحد',
          two: 'جزآن',
          few: `${number(n)} أجزاء`,
          other: `${number(n)} جزءًا`,
        }),
      hizb: (n: number) =>
        plural(n, {
          zero: `${number(n)} حزبًا`,
          one: 'حزب واحد',
          two: 'حزبان',
          few: `${number(n)} أحزاب`,
          other: `${number(n)} حزبًا`,
        }),
      quarters: (n: number) =>
        plural(n, {
          zero: `${number(n)} ربعًا`,
          one: 'ربع واحد',
          two: 'ربعان',
          few: `${number(n)} أرباع`,
          other: `${number(n)} ربعًا`,
        }),
      pages: (n: number) =>
        plural(n, {
          zero: `${number(n)} صفحة`,
          one: 'صفحة واحدة',
          two: 'صفحتان',
          few: `${number(n)} صفحات`,
          other: `${number(n)} صفحة`,
        }),
    },
    summary: {
      direction: (p: { direction: string; start: string }) => `${p.direction}، البداية من ${p.start}`,
      sabaq: (p: { amount: string }) => `السبق: ${p.amount} كل يوم`,
      sabqi: (p: { days: number }) =>
        p.days === 0
          ? 'السبقي: لا شيء'
          : plural(p.days, {
              one: 'السبقي: سبق اليوم الماضي',
              two: 'السبقي: سبق اليومين الماضيين',
              few: `السبقي: سبق آخر ${number(p.days)} أيام`,
              other: `السبقي: سبق آخر ${number(p.days)} يومًا`,
            }),
      manzil: (p: { amount: string }) => `المنزل: ${p.amount} كل يوم، على كل ما حُفظ`,
      teacher: (p: { name: string }) => `يسمّع له ${p.name}`,
    },
    divisions: {
      juz: (p: { first: number; last: number }) => `${p.first === p.last ? 'الجزء' : 'الأجزاء'} ${span(p)}`,
      hizb: (p: { first: number; last: number }) => `${p.first === p.last ? 'الحزب' : 'الأحزاب'} ${span(p)}`,
      quarters: (p: { first: number; last: number }) => `${p.first === p.last ? 'الربع' : 'الأرباع'} ${span(p)}`,
      pages: (p: { first: number; last: number }) => `${p.first === p.last ? 'الصفحة' : 'الصفحات'} ${span(p)}`,
    },
    todayTitle: 'اقتراح اليوم',
    none: 'لا شيء اليوم',
    complete: 'اكتملت الخطة: حُفظ كل ما فيها.',
    repeatSabaq: '(إعادة: لم يُقبل بعد)',
    classNoPlanTitle: 'طلاب بلا خطة حفظ',
    classNoPlanLead: 'ضع لهم خطة، ويقترح التطبيق السبق والسبقي والمنزل كل يوم.',
    allPlanned: 'لكل طلابك خطة حفظ.',
    setPlanFor: (p: { name: string }) => `ضع خطة لـ${p.name}`,
  },
} satisfies typeof en;

export default ar;
