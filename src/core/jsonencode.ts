/**
 * `Fn.jsonencode` for values that hold user text. cdktf writes the value as an HCL expression
 * (`${jsonencode({...})}`) and escapes only newlines and `${` in its string literals, so a `"`, a
 * `\` or a `%{` in, say, an environment variable would make the expression invalid (or a template
 * directive) and fail the plan. The literal parts of every string are escaped here first; token
 * references inside them are left as they are. Internal: not part of the public API.
 */
import { Fn, Tokenization } from 'cdktf';

/** A string token as cdktf encodes it inside a string (`${TfToken[TOKEN.12]}`). */
const STRING_TOKEN = /(\$\{TfToken\[[a-zA-Z0-9:._-]+\]\})/;

/** HCL escapes of what cdktf leaves unescaped in a quoted string: backslash, quote, carriage return, `%{`. */
function escapeLiteral(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/%\{/g, '%%{');
}

/** The value with the literal parts of every string escaped for an HCL expression; token references kept. */
export function escapeStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    // Odd indexes of the split are the token markers themselves.
    return value.split(STRING_TOKEN).map((part, i) => (i % 2 === 1 ? part : escapeLiteral(part))).join('');
  }
  if (Array.isArray(value)) {
    return value.map(escapeStrings);
  }
  if (value !== null && typeof value === 'object' && !Tokenization.isResolvable(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeStrings(item)]));
  }
  return value;
}

/** `Fn.jsonencode(value)`, whose text Terraform reads back exactly as given. */
export function jsonencode(value: unknown): string {
  return Fn.jsonencode(escapeStrings(value));
}
