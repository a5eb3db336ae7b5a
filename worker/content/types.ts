import type { SQL } from 'drizzle-orm';
import type { AuthUser } from '../env';
import type { NumericRange } from '../lib/postgres-values';
import type { Resource, Scope } from '../policy/permissions';

export type AttributeType =
  'string' | 'text' | 'integer' | 'number' | 'boolean' | 'datetime' | 'date' | 'enum' | 'json';

export interface Attribute {
  column: string;
  type: AttributeType;
  enum?: readonly string[];
  /** varchar(n): longer values cannot match, and cannot be stored. */
  maxLength?: number;
  /** Numeric columns: the values the column type holds (int4, int2, numeric(p, s) …). */
  range?: NumericRange;
  /** Who may read (and therefore filter and sort on) this attribute; everyone who can read the type when absent. */
  readable?: (user: AuthUser | null) => boolean;
  /** A projection other than the plain column, e.g. quiz questions without their answers. */
  project?: (alias: string, user: AuthUser | null) => SQL;
}

/**
 * How a relation is stored:
 *   owner       this table holds the foreign key (course.instructor_id)
 *   inverse     the target holds a foreign key to us (lesson.course_id for course.lessons; quiz.lesson_id for lesson.quiz)
 *   joinTable   a link table (course_prerequisites, lesson_attachments)
 */
export type RelationLink =
  | { kind: 'owner'; column: string }
  | { kind: 'inverse'; column: string }
  | { kind: 'joinTable'; table: string; from: string; to: string; orderColumn?: string };

export interface Relation {
  target: string;
  many: boolean;
  link: RelationLink;
}

export interface ContentType {
  /** Name in the registry and in error messages. */
  name: string;
  table: string;
  /** The policy resource that governs reading and writing it. */
  resource: Resource;
  attributes: Record<string, Attribute>;
  relations: Record<string, Relation>;
  /** Rows of this type the viewer may see, given their scopes; undefined means all. */
  visibility: (alias: string, user: AuthUser | null, scopes: readonly Scope[]) => SQL | undefined;
  /** Order used when the request names none. */
  defaultSort: { attribute: string; direction: 'asc' | 'desc' }[];
  /**
   * Has no read permission of its own: readable wherever a readable document links to it (media, the
   * learner named on an enrollment).
   */
  readableThroughRelations?: boolean;
  /** For types with drafts: the boolean attribute that Strapi's status=published|draft selects on. */
  publishedAttribute?: string;
}
