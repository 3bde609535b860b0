/**
 * Shape checks for AWS resource ids given by users. Internal: not part of the public API.
 *
 * A wrong id (a subnet id where a VPC id belongs, a name instead of an id)
 * otherwise only fails at apply time, after other resources were created.
 */
import { invalid, isToken, requireNonEmpty, requireUnique } from '../../core/validation';

/** Fails unless `value` is a token or looks like `<prefix>-<hex>`, e.g. `vpc-0abc123`. */
export function requireAwsId(property: string, value: string, prefix: string): void {
  if (isToken(value)) {
    return;
  }
  if (!new RegExp(`^${prefix}-[0-9a-f]{8,17}$`).test(value)) {
    invalid(property, value, `Expected an id of the form ${prefix}-0123456789abcdef0.`);
  }
}

/** Fails unless `ids` is a list token or a non-empty list of distinct ids of one kind. */
export function requireIdList(property: string, ids: string[], prefix: string): void {
  if (isToken(ids)) {
    return;
  }
  if (!Array.isArray(ids)) {
    // A single id where a list belongs (from plain JavaScript) would otherwise be checked letter by letter.
    invalid(property, ids, `Expected a list of ids of the form ${prefix}-0123456789abcdef0, e.g. ["${prefix}-0123456789abcdef0"].`);
  }
  requireNonEmpty(property, ids);
  requireUnique(property, ids);
  ids.forEach((id, i) => requireAwsId(`${property}[${i}]`, id, prefix));
}
