import { z } from 'zod';
import { int4Id } from './postgres-values';

/**
 * A document or user named the ways Strapi accepts: by numeric id or by documentId. Digits name an id,
 * so they must fit an integer key; anything longer than a documentId cannot name one.
 */
export const keyText = z
  .string()
  .min(1)
  .max(24)
  .refine((text) => !/^\d+$/.test(text) || int4Id.safeParse(Number(text)).success, {
    error: `an id is a whole number from 1 to ${int4Id.maxValue}`,
  });

/** In a JSON body: the id as a number, or either as text. */
export const idOrKey = z.union([int4Id, keyText]);
