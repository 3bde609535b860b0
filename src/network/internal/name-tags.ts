/**
 * Tag helpers shared by the network constructs. Internal: not part of the public API.
 */
import { invalid, isToken } from '../../core/validation';

/** Longest name prefix we accept; leaves room in the 256-character tag value for suffixes. */
const MAX_NAME_LENGTH = 128;

/** Fails unless `name` is usable as the start of Name tags. */
export function requireResourceName(property: string, name: string): void {
  if (isToken(name)) {
    return;
  }
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || name.trim() !== name) {
    invalid(property, name, `Expected 1 to ${MAX_NAME_LENGTH} characters without leading or trailing spaces.`);
  }
}

/** The user's tags plus a Name tag; Name is set last so every resource keeps a distinct one. */
export function withName(tags: { [key: string]: string } | undefined, name: string): { [key: string]: string } {
  return { ...tags, Name: name };
}
