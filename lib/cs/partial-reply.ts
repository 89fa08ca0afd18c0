const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };

/**
 * The `reply` string of a partly streamed `{"reply": "…", "used_sources": […]}` answer, decoded
 * as far as it has arrived (a naive scan, display only: the final text is the schema-checked
 * value). Null while the field has not started.
 */
export function partialReply(json: string): string | null {
  const start = /"reply"\s*:\s*"/.exec(json);
  if (!start) return null;
  let out = '';
  for (let i = start.index + start[0].length; i < json.length; i++) {
    const c = json[i] as string;
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = json[i + 1];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = json.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 5;
    } else {
      out += ESCAPES[next] ?? next;
      i += 1;
    }
  }
  return out;
}
