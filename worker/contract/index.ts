export type * from './documents';
export type * from './learning';
export type * from './quiz-questions';
export type * from './stats';
export type * from './users';
export type * from './wire';
