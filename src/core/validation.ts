/**
 * Helpers that turn bad input into an error at construct time, before any
 * resource is added, so a wrong value never leaves a half-built stack.
 *
 * Every message names the property, the bad value and what is allowed.
 */

import { Token } from 'cdktf';
import { brand, hasBrand } from './brand';

/**
 * True when the value is a cdktf token (a string, number or list that
 * Terraform resolves later): it cannot be checked at synth time, so checks
 * let it pass. The library's one test for tokens.
 */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** Renders a user-supplied value for an error message. */
function show(value: unknown): string {
  if (isToken(value)) {
    return '<a Terraform token>'; // never the token's internal marker
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return String(value); // NaN and Infinity, which JSON would print as null
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The one error type of the library's input checks. Not exported through the
 * jsii API (jsii cannot export Error subclasses): read its fields with
 * `ValidationErrors` from any language, or as properties of the error.
 */
export class ValidationError extends Error {
  /** The error's name, the same in every language binding's message. */
  public readonly name = 'ValidationError';

  constructor(
    /** Path of the property as the user of the construct wrote it, e.g. `service.cpu`. */
    public readonly property: string,
    /** The value given, rendered for the message (`<redacted>` for secrets). */
    public readonly shownValue: string,
    /** What would have been accepted. */
    public readonly allowed: string,
  ) {
    super(`Invalid ${property}: ${shownValue}. ${allowed}`);
    brand(this, 'ValidationError');
  }

  /** The same error, for the property as the caller of an outer construct wrote it. */
  public renamed(property: string): ValidationError {
    return new ValidationError(property, this.shownValue, this.allowed);
  }
}

/**
 * True for a ValidationError of any copy of the library: a brand, not `instanceof`, since a second copy
 * throws its own class.
 */
export function isValidationError(error: unknown): error is ValidationError {
  return hasBrand(error, 'ValidationError');
}

/**
 * Throws an error that names the property, the bad value and the allowed form.
 *
 * @param property path of the property as the user wrote it, e.g. `ingress[0].hostname`
 * @param value the value that was given
 * @param allowed what would have been accepted, as a sentence fragment
 */
export function invalid(property: string, value: unknown, allowed: string): never {
  throw new ValidationError(property, show(value), allowed);
}

/**
 * Fails when a required text is missing, empty or only blanks; tokens pass.
 *
 * @param allowed what would have been accepted, when more can be said than "a non-empty string"
 */
export function requireText(property: string, value: string | undefined, allowed = 'Expected a non-empty string.'): void {
  if (value === undefined || value === null || (!isToken(value) && value.trim() === '')) {
    invalid(property, value, allowed);
  }
}

/** Fails unless `value` is a whole number within [min, max]. */
export function requireIntegerInRange(property: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(property, value, `Expected a whole number from ${min} to ${max}.`);
  }
}

/** Like `requireIntegerInRange` for an optional setting: unset values and tokens pass. */
export function requireOptionalIntegerInRange(property: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && !isToken(value)) {
    requireIntegerInRange(property, value, min, max);
  }
}

/** Fails unless `value` is a positive whole number. */
export function requirePositiveInteger(property: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    invalid(property, value, 'Expected a whole number greater than 0.');
  }
}

/** Fails unless `value` is one of `allowed`, e.g. an enum's values (guards callers outside TypeScript). */
export function requireOneOf(property: string, value: unknown, allowed: readonly string[]): void {
  if (!allowed.includes(value as string)) {
    invalid(property, value, `Expected one of ${allowed.join(', ')}.`);
  }
}

/**
 * Fails unless an optional enum prop holds one of the enum's values. TypeScript ensures it; plain JavaScript (and
 * the other jsii languages' strings) can pass `'arm64'` for `ARM64` or `'DEBUG'` for `debug`, which ECS, the AWS
 * provider or `cloudflared` would refuse only at plan or deploy time, and which the checks that compare with the
 * enum (ARM64's platform version, the DEBUG warning) would not see. Unlike `requireOneOf`, it lets unset values and
 * tokens pass and names the enum and its members in the message.
 */
export function requireEnumValue(property: string, value: string | undefined, values: Record<string, string>, name: string): void {
  if (value === undefined || isToken(value) || Object.values(values).includes(value)) {
    return;
  }
  const allowed = Object.entries(values).map(([key, v]) => (key === v ? key : `${key} ("${v}")`)).join(', ');
  invalid(property, value, `Expected a ${name}: ${allowed}.`);
}

/** Fails when `values` is empty. */
export function requireNonEmpty<T>(property: string, values: readonly T[]): void {
  if (values.length === 0) {
    invalid(property, values, 'Expected at least one element.');
  }
}

/** Fails when `values` holds the same key twice. */
export function requireUnique<T>(property: string, values: readonly T[], key: (value: T) => string = String): void {
  const seen = new Set<string>();
  for (const value of values) {
    const k = key(value);
    if (seen.has(k)) {
      invalid(property, k, 'Each value may appear only once.');
    }
    seen.add(k);
  }
}
