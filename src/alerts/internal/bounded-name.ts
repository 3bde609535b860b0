/**
 * Names of alert resources built from a base name and a suffix, kept within a service's length limit
 * (EventBridge rules allow 64 characters). Internal: not part of the public API.
 */
import { createHash } from 'crypto';
import { isToken } from '../../core/validation';

/**
 * `<base>-<suffix>`; when longer than `max`, the base is cut and an 8-character hash of the whole base
 * keeps two long bases apart. A token base is left whole: only Terraform knows its length.
 */
export function boundedName(base: string, suffix: string, max: number): string {
  const name = `${base}-${suffix}`;
  if (isToken(base) || name.length <= max) {
    return name;
  }
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 8);
  return `${base.slice(0, max - suffix.length - hash.length - 2)}-${hash}-${suffix}`;
}
