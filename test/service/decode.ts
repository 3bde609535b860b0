// Turns the synthesized `${jsonencode([...])}` of container_definitions back into objects.
// Terraform references (e.g. aws_ssm_parameter.x.arn) become "${...}" strings, and a nested
// `jsonencode(...)` becomes the JSON text it encodes.

const KEYWORDS = new Set(['true', 'false', 'null']);

/** Decodes a `container_definitions` value synthesized from `Fn.jsonencode`. */
export function decodeJsonencode(value: string): any {
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(value);
  if (!match) {
    throw new Error(`not a jsonencode expression: ${value.slice(0, 80)}`);
  }
  return JSON.parse(hclToJson(match[1]));
}

/** The JSON text of an HCL object/list expression as `jsonencode` receives it. */
function hclToJson(hcl: string): string {
  let json = '';
  let i = 0;
  while (i < hcl.length) {
    const c = hcl[i];
    if (c === '"') {
      // copy a string literal verbatim, honouring escapes
      let j = i + 1;
      while (hcl[j] !== '"') {
        j += hcl[j] === '\\' ? 2 : 1;
      }
      json += hcl.slice(i, j + 1);
      i = j + 1;
    } else if (hcl.startsWith(' = ', i)) {
      json += ': ';
      i += 3;
    } else if (/[A-Za-z_]/.test(c)) {
      // a reference, with optional numeric indexes such as `x.y[0].z`; a closing bracket of the list is not part of it
      const ref = /^[A-Za-z_][A-Za-z0-9_.-]*(\[\d+\][A-Za-z0-9_.-]*)*/.exec(hcl.slice(i))![0];
      if (ref === 'jsonencode' && hcl[i + ref.length] === '(') {
        const end = closingParenthesis(hcl, i + ref.length);
        json += JSON.stringify(JSON.stringify(JSON.parse(hclToJson(hcl.slice(i + ref.length + 1, end)))));
        i = end + 1;
        continue;
      }
      json += KEYWORDS.has(ref) ? ref : JSON.stringify('${' + ref + '}');
      i += ref.length;
    } else {
      json += c;
      i += 1;
    }
  }
  return json;
}

/** Index of the `)` that closes the `(` at `open`, skipping string literals. */
function closingParenthesis(hcl: string, open: number): number {
  let depth = 0;
  for (let i = open; i < hcl.length; i++) {
    if (hcl[i] === '"') {
      for (i++; hcl[i] !== '"'; i += hcl[i] === '\\' ? 2 : 1);
    } else if (hcl[i] === '(') {
      depth++;
    } else if (hcl[i] === ')' && --depth === 0) {
      return i;
    }
  }
  throw new Error(`unbalanced parentheses: ${hcl.slice(open, open + 80)}`);
}
