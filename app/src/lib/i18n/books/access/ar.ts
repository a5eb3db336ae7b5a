import type en from './en';

const ar = {
  accountAccess: {
    choosePasswordTitle: 'اختر كلمة مرور جديدة',
    choosePasswordLead:
      'أعادت المدرسة تعيين كلمة مرورك. اختر كلمة مرور خاصة بك للمتابعة؛ الكلمة المؤقتة تتوقف عن العمل.',
    newPassword: 'كلمة المرور الجديدة',
    confirmPassword: 'كلمة المرور الجديدة مرة أخرى',
    passwordsDiffer: 'كلمتا المرور غير متطابقتين.',
    choosePasswordButton: 'احفظ وسجّل الدخول',
    choosingPassword: 'جارٍ الحفظ…',
    registrationClosed: 'لا تقبل المدرسة تسجيلات جديدة حاليًا. اطلب حسابًا من إدارة المدرسة.',
  },
} satisfies typeof en;

export default ar;
