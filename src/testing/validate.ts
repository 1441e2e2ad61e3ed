/**
 * A tiny pydantic look-alike for request bodies: checks declared fields and answers 422 with
 * pydantic's issue list (`type`, `loc`, `msg`, `input`, and `ctx` for broken constraints) so
 * clients see the errors Parlant sends.
 */
import type { Json } from '../core/types';
import { detail, isObject, readJson, type BodyResult, type ValidationIssue } from './http';

/** Declared type of one body field. @example const f: FieldSpec = { type: 'string', required: true, max: 100 }; */
export interface FieldSpec {
  type: 'string' | 'object' | 'array' | 'int' | 'bool' | 'enum';
  required?: boolean;
  /** Accept `null` (pydantic `X | None`). Optional fields are nullable by default. */
  nullable?: boolean;
  /** Strings: shortest length; ints: smallest value. */
  min?: number;
  max?: number;
  values?: readonly string[];
  /** For arrays: every item must be a string. For objects: every value must be a string. */
  strings?: boolean;
  /** For objects: their own declared fields. */
  fields?: Record<string, FieldSpec>;
}

/** pydantic's wording of an enum's members: `'a', 'b' or 'c'`. @example expected(['auto', 'manual']); // "'auto' or 'manual'" */
export function expected(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  const last = quoted.pop();
  return quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : (last ?? '');
}

/** The 422 issue of a value outside an enum. @example enumIssue(['query', 'sort'], ['asc', 'desc'], 'up'); */
export function enumIssue(loc: ValidationIssue['loc'], values: readonly string[], input: Json): ValidationIssue {
  return { type: 'enum', loc, msg: `Input should be ${expected(values)}`, input, ctx: { expected: expected(values) } };
}

function checkInt(value: Json, at: ValidationIssue['loc'], spec: FieldSpec): ValidationIssue[] {
  // pydantic's lax mode takes integral numbers and numeric strings.
  let n: number | undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return [{ type: 'int_from_float', loc: at, msg: 'Input should be a valid integer, got a number with a fractional part', input: value }];
    n = value;
  } else if (typeof value === 'string') {
    if (!/^\s*[+-]?\d+\s*$/.test(value)) return [{ type: 'int_parsing', loc: at, msg: 'Input should be a valid integer, unable to parse string as an integer', input: value }];
    n = Number.parseInt(value, 10);
  } else {
    return [{ type: 'int_type', loc: at, msg: 'Input should be a valid integer', input: value }];
  }
  if (spec.min !== undefined && n < spec.min) return [{ type: 'greater_than_equal', loc: at, msg: `Input should be greater than or equal to ${spec.min}`, input: value, ctx: { ge: spec.min } }];
  return [];
}

function checkField(key: string, parent: { [key: string]: Json }, spec: FieldSpec, loc: Array<string | number>): ValidationIssue[] {
  const at = [...loc, key];
  const value = parent[key];
  if (value === undefined || (value === null && (spec.nullable ?? !spec.required))) {
    // pydantic reports the enclosing object as the input of a missing field.
    return value === undefined && spec.required ? [{ type: 'missing', loc: at, msg: 'Field required', input: parent }] : [];
  }
  const issue = (type: string, msg: string, extra: Partial<ValidationIssue> = {}): ValidationIssue[] => [{ type, loc: at, msg, input: value, ...extra }];
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return issue('string_type', 'Input should be a valid string');
      if (spec.min !== undefined && value.length < spec.min) return issue('string_too_short', `String should have at least ${spec.min} character${spec.min === 1 ? '' : 's'}`, { ctx: { min_length: spec.min } });
      if (spec.max !== undefined && value.length > spec.max) return issue('string_too_long', `String should have at most ${spec.max} characters`, { ctx: { max_length: spec.max } });
      return [];
    case 'int':
      return checkInt(value, at, spec);
    case 'bool':
      return typeof value === 'boolean' ? [] : issue('bool_type', 'Input should be a valid boolean');
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value) ? [] : [enumIssue(at, spec.values ?? [], value)];
    case 'array': {
      if (!Array.isArray(value)) return issue('list_type', 'Input should be a valid list');
      if (!spec.strings) return [];
      const bad = value.findIndex((v) => typeof v !== 'string');
      return bad < 0 ? [] : [{ type: 'string_type', loc: [...at, bad], msg: 'Input should be a valid string', input: value[bad] as Json }];
    }
    case 'object': {
      if (!isObject(value)) return spec.fields ? issue('model_attributes_type', 'Input should be a valid dictionary or object to extract fields from') : issue('dict_type', 'Input should be a valid dictionary');
      if (spec.fields) return Object.entries(spec.fields).flatMap(([k, s]) => checkField(k, value, s, at));
      if (!spec.strings) return [];
      const bad = Object.entries(value).find(([, v]) => typeof v !== 'string');
      return bad ? [{ type: 'string_type', loc: [...at, bad[0]], msg: 'Input should be a valid string', input: bad[1] }] : [];
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
  return detail(422, [enumIssue(['query', name], values, raw)]);
}

/**
 * A request's JSON body, checked in Parlant's order: parsed, then validated against `fields`,
 * then the caller authorized (`authorized` returns a refusal, or undefined to go on).
 * @example const body = await readBody(request, { name: { type: 'string' } }, () => authorize('create_agent')); if (!body.ok) return body.response;
 */
export async function readBody(request: Request, fields: Record<string, FieldSpec>, authorized: () => Response | undefined = () => undefined): Promise<BodyResult> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const refused = validateBody(body.value, fields) ?? authorized();
  return refused ? { ok: false, response: refused } : body;
}
