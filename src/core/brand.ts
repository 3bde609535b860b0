/**
 * Brands that tell this library's objects apart without `instanceof`. Internal: not part of the public API.
 *
 * `instanceof` fails when two copies of the library meet (an app that installs it twice, or through an
 * npm alias next to another copy): an object made by one copy is no instance of the other copy's class.
 * A brand is a property keyed by a registered symbol (`Symbol.for`), the same in every copy, the way
 * cdktf tells its resources and outputs apart (`TerraformResource.isTerraformResource`).
 */

/** The classes that carry a brand. */
export type BrandedClass = 'AccessApplication' | 'AwsAlertTarget' | 'CloudflareAlertTarget' | 'PrivateNetwork' | 'TaskExecutionRole' | 'TaskRole'
  | 'ValidationError';

function key(name: BrandedClass): symbol {
  return Symbol.for(`cdktf-zero-trust-fargate.${name}`);
}

/** Marks `instance` as made by the class `name`; call it in the constructor. */
export function brand(instance: object, name: BrandedClass): void {
  Object.defineProperty(instance, key(name), { value: true });
}

/** True when `value` was made by the class `name` of any copy of the library. */
export function hasBrand(value: unknown, name: BrandedClass): boolean {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && (value as Record<symbol, unknown>)[key(name)] === true;
}
