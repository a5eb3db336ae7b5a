import type en from './en';

const ar = {
  admin: { title: 'إدارة المدرسة', lead: 'المستخدمون والعائلات والإنجازات والإعدادات.' },
} satisfies typeof en;

export default ar;
