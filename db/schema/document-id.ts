import { randomToken } from '../random-token';

/** Strapi v5 documentIds are 24 lowercase alphanumerics; a letter first keeps them valid identifiers. */
export function newDocumentId(): string {
  return randomToken(1, 'abcdefghijklmnopqrstuvwxyz') + randomToken(23);
}
