import type en from './en';

const ar = {
  teach: { title: 'التدريس', lead: 'ستظهر هنا دوراتك وفصولك.' },
} satisfies typeof en;

export default ar;
