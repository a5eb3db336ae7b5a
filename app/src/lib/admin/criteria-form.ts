// The achievement criteria form is built from the JSON Schema the server checks criteria with
// (GET /api/achievement-criteria): one variant per `type`, one number field per property. The form can
// only produce what the schema allows: a variant's own fields, whole numbers within their bounds.

/** A number field of one kind of criteria. */
export interface CriteriaField {
  name: string;
  integer: boolean;
  min: number | null;
  max: number | null;
  required: boolean;
}

/** One kind of criteria (`type`), with its fields in the schema's order. */
export interface CriteriaVariant {
  type: string;
  fields: CriteriaField[];
}

interface JsonSchemaNode {
  type?: string;
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  oneOf?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
}

/**
 * The variants of a discriminated union of objects keyed by `type`, or an error when the schema holds
 * something this form cannot edit (then the form refuses to show rather than write what it cannot check).
 */
export function criteriaVariants(schema: unknown): CriteriaVariant[] {
  const root = schema as JsonSchemaNode | null;
  const options = root?.oneOf ?? root?.anyOf;
  if (!Array.isArray(options) || !options.length) throw new Error('criteria schema: expected oneOf/anyOf');
  return options.map((option) => {
    const discriminator = option.properties?.type?.const;
    if (option.type !== 'object' || typeof discriminator !== 'string')
      throw new Error('criteria schema: each option is an object with a constant `type`');
    const required = new Set(option.required ?? []);
    const fields = Object.entries(option.properties ?? {})
      .filter(([name]) => name !== 'type')
      .map(([name, node]): CriteriaField => {
        if (node.type !== 'integer' && node.type !== 'number')
          throw new Error(`criteria schema: ${discriminator}.${name} is not a number`);
        const min = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : null);
        const max = node.maximum ?? (node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - 1 : null);
        return { name, integer: node.type === 'integer', min, max, required: required.has(name) };
      });
    return { type: discriminator, fields };
  });
}

/** What the form holds: the chosen type and each field as typed (text, so a half-typed value is kept). */
export interface CriteriaDraft {
  type: string;
  values: Record<string, string>;
}

export type CriteriaProblem = { field: string; kind: 'required' | 'range'; min: number | null; max: number | null };

/** Checks a draft against its variant: the criteria to send, or the problems per field. */
export function buildCriteria(
  variants: CriteriaVariant[],
  draft: CriteriaDraft,
): { ok: true; criteria: Record<string, unknown> } | { ok: false; problems: CriteriaProblem[] } {
  const variant = variants.find((v) => v.type === draft.type);
  if (!variant) return { ok: false, problems: [{ field: 'type', kind: 'required', min: null, max: null }] };
  const criteria: Record<string, unknown> = { type: variant.type };
  const problems: CriteriaProblem[] = [];
  for (const field of variant.fields) {
    const text = (draft.values[field.name] ?? '').trim();
    const problem = { field: field.name, min: field.min, max: field.max };
    if (!text) {
      if (field.required) problems.push({ ...problem, kind: 'required' });
      continue;
    }
    const value = Number(text);
    const fits =
      text !== '' &&
      Number.isFinite(value) &&
      (!field.integer || Number.isInteger(value)) &&
      (field.min === null || value >= field.min) &&
      (field.max === null || value <= field.max);
    if (!fits) problems.push({ ...problem, kind: 'range' });
    else criteria[field.name] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, criteria };
}

/** The draft for stored criteria (or a new one of the first kind, its fields at their minimum). */
export function draftOf(variants: CriteriaVariant[], criteria: Record<string, unknown> | null): CriteriaDraft {
  const type = typeof criteria?.type === 'string' ? criteria.type : (variants[0]?.type ?? '');
  const variant = variants.find((v) => v.type === type);
  const values: Record<string, string> = {};
  for (const field of variant?.fields ?? []) {
    const stored = criteria?.[field.name];
    values[field.name] = typeof stored === 'number' ? String(stored) : field.min !== null ? String(field.min) : '';
  }
  return { type, values };
}
