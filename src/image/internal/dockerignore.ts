/**
 * `.dockerignore` rules, as Docker applies them to a build context. Internal: not part of the public API.
 *
 * The semantics follow Docker's pattern matcher (moby/patternmatcher, used by the Docker CLI, BuildKit
 * and the Terraform Docker provider):
 * - one pattern a line; lines starting with `#` are comments; blank lines are skipped; surrounding
 *   whitespace is trimmed; a leading `/` is dropped and the pattern is cleaned (`docs/` is `docs`,
 *   `./a//b` is `a/b`);
 * - `*` matches any characters but `/`, `?` one character but `/`, `[...]` a character class, `\` escapes
 *   the next character; `**` matches any number of directories, zero included (`**` at the end
 *   matches everything below);
 * - a pattern that matches a directory matches everything in it;
 * - `!` makes a pattern an exception that includes again what earlier patterns excluded; the last
 *   pattern that matches a path decides.
 */

/** One pattern of an ignore file. */
interface Pattern {
  /** The cleaned pattern, without `!`. */
  readonly text: string;
  /** True for an exception (`!pattern`). */
  readonly exception: boolean;
  /** Tests a slash-separated path relative to the context. */
  readonly test: (path: string) => boolean;
  /** The pattern's path components, to tell whether it can match below a directory. */
  readonly components: string[];
}

/** Where a pattern came from, for error messages. */
export interface IgnoreSource {
  /** The ignore file, relative to the context (e.g. `.dockerignore`). */
  readonly file: string;
}

/** An error in an ignore file: the line and what is wrong with it. */
export class IgnorePatternError extends Error {
  constructor(public readonly file: string, public readonly line: number, public readonly pattern: string, reason: string) {
    super(`${file} line ${line}: ${JSON.stringify(pattern)} ${reason}`);
  }
}

/** Go's `path.Clean` for slash-separated paths. */
export function cleanPath(path: string): string {
  if (path === '') {
    return '.';
  }
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (!rooted) {
        out.push('..');
      }
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : (joined === '' ? '.' : joined);
}

/** Regular-expression characters that are literal in Docker's patterns (`^` stays: it negates a class). */
const LITERAL_SPECIALS = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

/** `ch` as a literal in a regular expression. */
function literal(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Compiles one cleaned pattern into a test, the way Docker's matcher does: exact, prefix (`dir/**`),
 * suffix (`**` + `/name`) or regular expression.
 */
function compile(pattern: string): (path: string) => boolean {
  let regex = '^';
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') {
          i++; // `**/` is `**`
        }
        if (i + 1 >= chars.length) {
          // `**` at the end matches everything below.
          if (kind === 'exact') {
            kind = 'prefix';
          } else {
            regex += '.*';
            kind = 'regexp';
          }
        } else {
          regex += '(.*/)?';
          kind = 'regexp';
        }
        if (i <= 2 && pattern.startsWith('**')) {
          kind = 'suffix';
        }
      } else {
        regex += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      regex += '[^/]';
      kind = 'regexp';
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        i++;
        regex += literal(chars[i]);
        kind = 'regexp';
      } else {
        regex += '\\\\';
      }
    } else if (ch === '[' || ch === ']') {
      regex += ch;
      kind = 'regexp';
    } else if (LITERAL_SPECIALS.has(ch)) {
      regex += `\\${ch}`;
    } else {
      regex += ch;
    }
  }

  switch (kind) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      // `**/foo` also matches `foo` itself.
      return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    default: {
      const compiled = new RegExp(`${regex}$`);
      return (path) => compiled.test(path);
    }
  }
}

/** True when `pattern` is a syntactically valid glob: balanced, non-empty character classes. */
function validGlob(pattern: string): boolean {
  let inClass = false;
  let classLength = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (i + 1 >= pattern.length) {
        return false; // Go's filepath.Match refuses a trailing backslash
      }
      i++;
      if (inClass) classLength++;
      continue;
    }
    if (inClass) {
      if (ch === ']' && classLength > 0) {
        inClass = false;
      } else if (!(ch === '^' && classLength === 0)) {
        classLength++;
      }
      continue;
    }
    if (ch === '[') {
      inClass = true;
      classLength = 0;
    }
  }
  return !inClass;
}

/** The patterns of an ignore file, in order. */
export class IgnoreRules {
  /** No patterns: nothing is ignored. */
  public static readonly NONE = new IgnoreRules([]);

  /**
   * Parses the text of an ignore file.
   * @throws IgnorePatternError for a pattern Docker refuses
   */
  public static parse(text: string, source: IgnoreSource): IgnoreRules {
    const patterns: Pattern[] = [];
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, index) => {
      if (raw.startsWith('#')) {
        return;
      }
      let pattern = raw.trim();
      if (pattern === '') {
        return;
      }
      const exception = pattern.startsWith('!');
      if (exception) {
        pattern = pattern.slice(1).trim();
        if (pattern === '') {
          throw new IgnorePatternError(source.file, index + 1, raw, 'is a "!" without a pattern, which Docker refuses.');
        }
      }
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) {
        pattern = pattern.slice(1);
      }
      if (!validGlob(pattern)) {
        throw new IgnorePatternError(source.file, index + 1, raw, 'is not a valid pattern (an unclosed "[" or a trailing "\\"), which Docker refuses.');
      }
      let test: (path: string) => boolean;
      try {
        test = compile(pattern);
      } catch (error) {
        throw new IgnorePatternError(source.file, index + 1, raw, `is not a valid pattern (${(error as Error).message}), which Docker refuses.`);
      }
      patterns.push({ text: pattern, exception, test, components: pattern.split('/') });
    });
    return new IgnoreRules(patterns);
  }

  private constructor(private readonly patterns: Pattern[]) {}

  /** True when some pattern is an exception (`!`). */
  public get hasExceptions(): boolean {
    return this.patterns.some((pattern) => pattern.exception);
  }

  /**
   * True when Docker leaves `path` (slash-separated, relative to the context) out of the build
   * context: the last pattern that matches the path or one of its parent directories is not an exception.
   */
  public excludes(path: string): boolean {
    const parents: string[] = [];
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      parents.push(parts.slice(0, i).join('/'));
    }
    let excluded = false;
    for (const pattern of this.patterns) {
      // An exclusion cannot change an excluded path, nor an exception an included one.
      if (pattern.exception !== excluded) {
        continue;
      }
      if (pattern.test(path) || parents.some((parent) => pattern.test(parent))) {
        excluded = !pattern.exception;
      }
    }
    return excluded;
  }

  /**
   * False only when no exception can include anything below the excluded directory `dir`, so that the
   * walk may skip it. Errs on the side of walking.
   */
  public mayIncludeBelow(dir: string): boolean {
    const parts = dir.split('/');
    return this.patterns.some((pattern) => {
      if (!pattern.exception) {
        return false;
      }
      const n = Math.min(parts.length, pattern.components.length);
      for (let i = 0; i < n; i++) {
        const component = pattern.components[i];
        if (component.includes('**')) {
          return true;
        }
        if (!compile(component)(parts[i])) {
          return false;
        }
      }
      return true;
    });
  }
}
