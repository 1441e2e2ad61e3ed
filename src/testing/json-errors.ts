/**
 * Where and why a request body is not JSON, worded the way Parlant (which parses bodies with
 * Python's `json` module) reports it in a 422 `json_invalid` issue.
 */

/** V8's JSON errors reworded the way Python's `json` module (which Parlant parses bodies with) words them. */
const PYTHON_JSON_ERRORS: Array<[RegExp, string]> = [
  [/double-quoted property name/, 'Expecting property name enclosed in double quotes'],
  [/':' after property name/, "Expecting ':' delimiter"],
  [/',' or '\}' after property value/, "Expecting ',' delimiter"],
  [/',' or '\]' after array element/, "Expecting ',' delimiter"],
  [/non-whitespace character after JSON/, 'Extra data'],
  [/Unterminated string/, 'Unterminated string starting at'],
  [/control character/, 'Invalid control character at'],
];

/**
 * Where and why a body is not JSON, as Python's `json.loads` reports it (best effort: the
 * common mistakes are exact, others fall back to "Expecting value").
 * @example pythonJsonError('{"a": 1', new SyntaxError("Expected ',' or '}' after property value in JSON at position 7")); // { position: 7, message: "Expecting ',' delimiter" }
 */
export function pythonJsonError(text: string, error: unknown): { position: number; message: string } {
  const v8 = error instanceof Error ? error.message : '';
  const at = /at position (\d+)/.exec(v8);
  for (const [pattern, message] of PYTHON_JSON_ERRORS) {
    if (!pattern.test(v8)) continue;
    // Python points an unterminated string at its opening quote.
    const position = message.startsWith('Unterminated') ? text.lastIndexOf('"', Number(at?.[1] ?? text.length) - 1) : Number(at?.[1] ?? 0);
    return { position: Math.max(0, position), message };
  }
  const token = /Unexpected token '(.)'/.exec(v8);
  let position = token ? text.indexOf(token[1] as string) : text.length;
  while (position > 0 && /[A-Za-z]/.test(text[position - 1] as string)) position -= 1;
  return { position: Math.max(0, position), message: 'Expecting value' };
}
