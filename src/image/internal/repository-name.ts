/**
 * ECR repository name rules. Internal: not part of the public API.
 */
import { invalid, isToken } from '../../core/validation';

/** ECR's grammar: lowercase path components separated by `/`, each joined by single `.`, `_` or `-`. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Fails unless `name` is a valid ECR repository name (2 to 256 characters). */
export function requireRepositoryName(property: string, name: string): void {
  if (isToken(name)) {
    return;
  }
  if (name.length < 2 || name.length > 256 || !REPOSITORY_NAME.test(name)) {
    invalid(property, name,
      'Expected 2 to 256 characters: lowercase letters and digits, in components joined by single ".", "_" or "-", optionally separated by "/" (e.g. "team/my-app").');
  }
}
