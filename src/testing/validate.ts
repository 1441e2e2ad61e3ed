/**
 * A tiny pydantic look-alike for request bodies: checks declared fields and answers 422 with
 * pydantic's issue list (`type`, `loc`, `msg`, `input`) so clients see realistic errors.
 */
import type { Json } from '../core/types';
import { detail, isObject, type ValidationIssue } from './http';

/** Declared type of one body field. @example const f: FieldSpec = { type: 'string', required: true, max: 100 }; */
export interface FieldSpec {
  type: 'string' | 'object' | 'array' | 'int' | 'bool' | 'enum';
  required?: boolean;
  /** Accept `null` (pydantic `X | None`). Optional fields are nullable by default. */
  nullable?: boolean;
  min?: number;
  max?: number;
  values?: readonly string[];
  /** For arrays: every item must be a string. For objects: every value must be a string. */
  strings?: boolean;
}

function enumMessage(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  const last = quoted.pop();
  return `Input should be ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}`;
}

function checkField(key: string, parent: { [key: string]: Json }, spec: FieldSpec, loc: Array<string | number>): ValidationIssue[] {
  const at = [...loc, key];
  const value = parent[key];
  if (value === undefined || (value === null && (spec.nullable ?? !spec.required))) {
    // pydantic reports the enclosing object as the input of a missing field.
    return value === undefined && spec.required ? [{ type: 'missing', loc: at, msg: 'Field required', input: parent }] : [];
  }
  const issue = (type: string, msg: string, where = at, input: Json = value): ValidationIssue[] => [{ type, loc: where, msg, input }];
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return issue('string_type', 'Input should be a valid string');
      if (spec.min !== undefined && value.length < spec.min) return issue('string_too_short', `String should have at least ${spec.min} character${spec.min === 1 ? '' : 's'}`);
      if (spec.max !== undefined && value.length > spec.max) return issue('string_too_long', `String should have at most ${spec.max} characters`);
      return [];
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? [] : issue('int_type', 'Input should be a valid integer');
    case 'bool':
      return typeof value === 'boolean' ? [] : issue('bool_type', 'Input should be a valid boolean');
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value) ? [] : issue('enum', enumMessage(spec.values ?? []));
    case 'array': {
      if (!Array.isArray(value)) return issue('list_type', 'Input should be a valid list');
      if (!spec.strings) return [];
      const bad = value.findIndex((v) => typeof v !== 'string');
      return bad < 0 ? [] : issue('string_type', 'Input should be a valid string', [...at, bad], value[bad] as Json);
    }
    case 'object': {
      if (!isObject(value)) return issue('dict_type', 'Input should be a valid dictionary');
      if (!spec.strings) return [];
      const bad = Object.entries(value).find(([, v]) => typeof v !== 'string');
      return bad ? issue('string_type', 'Input should be a valid string', [...at, bad[0]], bad[1]) : [];
    }
  }
}

/**
 * Validates a parsed body; returns a 422 response, or undefined when it is valid.
 * @example
 * const bad = validateBody(body, { agent_id: { type: 'string', required: true } });
 * if (bad) return bad;
 */
export function validateBody(body: Json, fields: Record<string, FieldSpec>, loc: Array<string | number> = ['body']): Response | undefined {
  if (!isObject(body)) {
    return detail(422, [{ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input: body }]);
  }
  const issues = Object.entries(fields).flatMap(([key, spec]) => checkField(key, body, spec, loc));
  return issues.length > 0 ? detail(422, issues) : undefined;
}

/**
 * Validates a query parameter against an enum, like FastAPI does for Enum-typed parameters.
 * @example const bad = validateEnumQuery(url.searchParams, 'moderation', ['auto', 'paranoid', 'none']);
 */
export function validateEnumQuery(query: URLSearchParams, name: string, values: readonly string[]): Response | undefined {
  const raw = query.get(name);
  if (raw === null || values.includes(raw)) return undefined;
  return detail(422, [{ type: 'enum', loc: ['query', name], msg: enumMessage(values), input: raw }]);
}
