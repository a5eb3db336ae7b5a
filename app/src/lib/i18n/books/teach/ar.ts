import { localeTools } from '../../plural';
import type en from './en';

const { number } = localeTools('ar');

const ar = {
  teach: { title: 'التدريس', lead: 'دوراتك، وتقدّم فصولك وتقاريرها، والحفظ، ورموز الربط لأولياء الأمور.' },
  pairingStudents: {
    nav: 'الطلاب',
    title: 'طلابي',
    lead: 'الطلاب المسجّلون في دوراتك. أنشئ رمز ربط لطالب وأعطه لوليّ أمره ليرتبط به.',
    leadAdmin: 'كل طلاب المدرسة. أنشئ رمز ربط لطالب وأعطه لوليّ أمره.',
    search: 'ابحث بالاسم أو باسم المستخدم',
    searchButton: 'ابحث',
    empty: 'لا طلاب بعد: يظهر الطلاب هنا حين يسجّلون في إحدى دوراتك.',
    noMatch: 'لا يوجد طالب يطابق هذا البحث.',
    pairingCode: 'رمز الربط',
    close: 'إغلاق',
    previous: 'الصفحة السابقة',
    next: 'الصفحة التالية',
    page: (p: { page: number; pages: number }) => `الصفحة ${number(p.page)} من ${number(p.pages)}`,
  },
} satisfies typeof en;

export default ar;
