import { z } from 'zod';
import { ageTier, ROLE_TYPES } from '../../db/schema/enums';
import { timeZone } from '../contract/time-zone';
import { idOrKey } from '../lib/document-keys';
import { storableDate } from '../lib/postgres-values';

export const usernameSchema = z
  .string()
  .trim()
  // Full-width and other compatibility forms fold to plain letters: "ａｄｍｉｎ" is "admin".
  .normalize('NFKC')
  .min(3, 'username must have at least 3 characters')
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'username may contain letters, digits, dot, dash and underscore');

// Length over composition rules, as NIST SP 800-63B and OWASP recommend.
export const passwordSchema = z.string().min(8, 'password must have at least 8 characters').max(256);

export const timeZoneSchema = timeZone;

export const newUserBody = z.object({
  username: usernameSchema,
  email: z.email().max(255).nullish(),
  password: passwordSchema,
  role: z.enum(ROLE_TYPES).default('student'),
  fullName: z.string().trim().min(1).max(255).nullish(),
  dateOfBirth: storableDate.nullish(),
  ageTier: z.enum(ageTier.enumValues).nullish(),
  timeZone: timeZoneSchema.optional(),
  /** The parent to link a child account to (id or documentId); a parent creating a child is linked anyway. */
  parent: idOrKey.optional(),
});

export const updateUserBody = z
  .object({
    username: usernameSchema.optional(),
    email: z.email().max(255).nullish(),
    password: passwordSchema.optional(),
    currentPassword: z.string().min(1).max(256).optional(),
    blocked: z.boolean().optional(),
    confirmed: z.boolean().optional(),
    role: z.enum(ROLE_TYPES).optional(),
    fullName: z.string().trim().min(1).max(255).nullish(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
