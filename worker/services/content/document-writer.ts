import type { z } from 'zod';
import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import type { Scope } from '../../policy/permissions';

/** The business rules of writing one content type; the routes around them are the same for all. */
export interface DocumentWriter {
  /** What `data` of a create and of an update must look like (each writer applies its own). */
  schemas: { create: z.ZodType; update: z.ZodType };
  create(db: Database, actor: AuthUser, scopes: readonly Scope[], data: unknown): Promise<string>;
  update(db: Database, actor: AuthUser, scopes: readonly Scope[], documentId: string, data: unknown): Promise<void>;
  remove(db: Database, actor: AuthUser, scopes: readonly Scope[], documentId: string): Promise<void>;
}
