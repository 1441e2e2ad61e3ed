/**
 * Splits props into those named in `keys` (only the ones given) and the rest, as a component
 * passes part of its props to one consumer and spreads the rest on an element.
 * @example const [config, rest] = splitKeys(props, ['server', 'agentId'] as const);
 */
export function splitKeys<T extends object, K extends PropertyKey>(props: T, keys: readonly K[]): [Partial<Pick<T, K & keyof T>>, Omit<T, K>] {
  const picked: Record<PropertyKey, unknown> = {};
  const rest: Record<PropertyKey, unknown> = { ...(props as Record<PropertyKey, unknown>) };
  for (const key of keys) {
    if (rest[key] !== undefined) picked[key] = rest[key];
    delete rest[key];
  }
  return [picked as Partial<Pick<T, K & keyof T>>, rest as Omit<T, K>];
}
