/**
 * SSM Parameter Store naming rules. Internal: not part of the public API.
 */
import { invalid, isToken } from '../core/validation';

/** Longest parameter name SSM accepts. */
const MAX_LENGTH = 1011;

/** Deepest hierarchy SSM accepts. */
const MAX_LEVELS = 15;

/** Characters SSM allows in a parameter name. */
export const PARAMETER_NAME_CHAR = /[A-Za-z0-9_.-]/;

/**
 * Fails unless `name` is a valid SSM parameter name: letters, digits, `_ . - /`; a hierarchical name
 * starts with `/`, has no empty level and no trailing `/`; at most 15 levels and 1011 characters;
 * not under the reserved prefixes `aws` or `ssm`.
 */
export function requireParameterName(property: string, name: string): void {
  if (isToken(name)) {
    return;
  }
  const rules = 'Expected an SSM parameter name of 1 to 1011 characters from letters, digits and "_.-/", either without "/" or starting with "/" (e.g. "/cloudflared/my-app/tunnel-token"), without empty levels or a trailing "/", at most 15 levels deep, and not starting with the reserved prefixes "aws" or "ssm".';
  const levels = name.startsWith('/') ? name.slice(1).split('/') : name.split('/');
  const wellFormed = name.length > 0
    && name.length <= MAX_LENGTH
    && /^[A-Za-z0-9_.\-/]+$/.test(name)
    && (name.startsWith('/') || !name.includes('/'))
    && levels.length <= MAX_LEVELS
    && levels.every((level) => level.length > 0)
    && !/^(aws|ssm)/i.test(levels[0]);
  if (!wellFormed) {
    invalid(property, name, rules);
  }
}
