/**
 * Helpers that turn bad input into an error at construct time, before any
 * resource is added, so a wrong value never leaves a half-built stack.
 *
 * Every message names the property, the bad value and what is allowed.
 */

import { Token } from 'cdktf';

/**
 * True when the value is known at synth time, i.e. not a cdktf token that
 * Terraform resolves later; only known values can be checked.
 */
export function isKnown(value: unknown): boolean {
  return !Token.isUnresolved(value);
}

/** Renders a user-supplied value for an error message. */
function show(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Throws an error that names the property, the bad value and the allowed form.
 *
 * @param property path of the property as the user wrote it, e.g. `ingress[0].hostname`
 * @param value the value that was given
 * @param allowed what would have been accepted, as a sentence fragment
 */
export function invalid(property: string, value: unknown, allowed: string): never {
  throw new Error(`Invalid ${property}: ${show(value)}. ${allowed}`);
}

/** Fails unless `value` is a whole number within [min, max]. */
export function requireIntegerInRange(property: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(property, value, `Expected a whole number from ${min} to ${max}.`);
  }
}

/** Like {@link requireIntegerInRange} for an optional setting: unset values and tokens pass. */
export function requireOptionalIntegerInRange(property: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && isKnown(value)) {
    requireIntegerInRange(property, value, min, max);
  }
}

/** Fails unless `value` is a positive whole number. */
export function requirePositiveInteger(property: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    invalid(property, value, 'Expected a whole number greater than 0.');
  }
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
