import { PgNumeric, PgNumericNumber } from 'drizzle-orm/pg-core';
import { getTableColumns, getTableName, sql, type Column, type SQL, type Table } from 'drizzle-orm';
import { FLOAT4, FLOAT8, INT2, INT4, INT8_AS_NUMBER, numericRange, type NumericRange } from '../lib/postgres-values';
import type { Attribute, AttributeType, RelationLink } from './types';

/** A column of a table alias, quoted. Aliases come from the query compiler and names from the schema. */
export const col = (alias: string, column: Column | string) =>
  sql.raw(`"${alias}"."${typeof column === 'string' ? column : column.name}"`);

/** `"table" "alias"` for a FROM clause, naming the table through its schema object. */
export const tableAs = (table: Table, alias: string): SQL => sql`${table} ${sql.identifier(alias)}`;

const TYPES: Record<string, AttributeType> = {
  PgInteger: 'integer',
  PgSmallInt: 'integer',
  PgBigInt53: 'number',
  PgNumeric: 'number',
  PgNumericNumber: 'number',
  PgReal: 'number',
  PgDoublePrecision: 'number',
  PgVarchar: 'string',
  PgChar: 'string',
  PgUUID: 'string',
  PgText: 'text',
  PgBoolean: 'boolean',
  PgTimestamp: 'datetime',
  PgDate: 'date',
  PgDateString: 'date',
  PgEnumColumn: 'enum',
  PgJsonb: 'json',
  PgJson: 'json',
};

/** The values a numeric column holds, so a filter value outside them is refused before SQL. */
function rangeOf(column: Column): NumericRange | undefined {
  switch (column.columnType) {
    case 'PgSmallInt':
      return INT2;
    case 'PgInteger':
      return INT4;
    case 'PgBigInt53':
      return INT8_AS_NUMBER;
    case 'PgReal':
      return FLOAT4;
    case 'PgDoublePrecision':
      return FLOAT8;
    case 'PgNumeric':
    case 'PgNumericNumber':
      return column instanceof PgNumeric || column instanceof PgNumericNumber
        ? numericRange(column.precision, column.scale)
        : undefined;
    default:
      return undefined;
  }
}

function attributeOf(column: Column): Attribute {
  const type = TYPES[column.columnType];
  if (!type) throw new Error(`column ${column.name} has a type (${column.columnType}) the query engine does not know`);
  const length = (column as { length?: number }).length;
  const range = rangeOf(column);
  return {
    column: column.name,
    type,
    ...(type === 'enum' && { enum: column.enumValues }),
    ...(type === 'string' && length !== undefined && { maxLength: length }),
    ...(range && { range }),
  };
}

type ColumnsOf<T extends Table> = T['_']['columns'];

/**
 * A content type's attributes: every column of its table under its Drizzle name, except the private ones
 * (foreign keys shown as relations, bookkeeping). `extra` adds what a table cannot say: who may read an
 * attribute, or a projection other than the plain column.
 */
export function attributesOf<T extends Table, Hidden extends keyof ColumnsOf<T> & string>(
  table: T,
  hidden: readonly Hidden[],
  extra: Partial<Record<Exclude<keyof ColumnsOf<T>, Hidden>, Pick<Attribute, 'readable' | 'project'>>> = {},
): Record<Exclude<keyof ColumnsOf<T>, Hidden> & string, Attribute> {
  const attributes: Record<string, Attribute> = {};
  for (const [name, column] of Object.entries(getTableColumns(table))) {
    if ((hidden as readonly string[]).includes(name)) continue;
    attributes[name] = { ...attributeOf(column), ...(extra as Record<string, Partial<Attribute>>)[name] };
  }
  return attributes as Record<Exclude<keyof ColumnsOf<T>, Hidden> & string, Attribute>;
}

/** Only the named columns, for tables that are mostly private (a learner is only their names). */
export function onlyAttributes<T extends Table, Shown extends keyof ColumnsOf<T> & string>(
  table: T,
  shown: readonly Shown[],
): Record<Shown, Attribute> {
  const columns = getTableColumns(table) as Record<string, Column>;
  return Object.fromEntries(shown.map((name) => [name, attributeOf(columns[name]!)])) as Record<Shown, Attribute>;
}

export const tableName = getTableName;

/** This table holds the foreign key (course.instructor_id). */
export const owner = (column: Column): RelationLink => ({ kind: 'owner', column: column.name });

/** The target holds a foreign key to us (lesson.course_id for course.lessons). */
export const inverse = (column: Column): RelationLink => ({ kind: 'inverse', column: column.name });

/** A link table (course_prerequisites), optionally ordered (lesson_attachments.position). */
export const through = (table: Table, from: Column, to: Column, orderColumn?: Column): RelationLink => ({
  kind: 'joinTable',
  table: getTableName(table),
  from: from.name,
  to: to.name,
  ...(orderColumn && { orderColumn: orderColumn.name }),
});
