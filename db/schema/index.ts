export * from './enums';
export * from './media';
export * from './users';
export * from './content';
export * from './learning';
export * from './gamification';
export * from './activity';
export * from './hifz';
