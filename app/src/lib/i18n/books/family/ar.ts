import type en from './en';

const ar = {
  family: { title: 'عائلتي', lead: 'تابع تعلّم أبنائك من هنا.' },
} satisfies typeof en;

export default ar;
