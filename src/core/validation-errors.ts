import { isValidationError } from './validation';

/**
 * Reads the errors that constructs of this library throw for bad input.
 *
 * Every such error is an `Error` named `ValidationError` whose message is
 * `Invalid <property>: <value>. <what is allowed>`, thrown at construct time
 * before any resource is added. `property` is the path of the property as the
 * user of the construct wrote it (`hostname`, `service.cpu`,
 * `access.policies[1].include[0]`).
 *
 * @example
 * import { ValidationErrors } from 'cdktf-zero-trust-fargate';
 *
 * // In a test or a CLI wrapper: tell a bad input from any other failure.
 * function explain(error: any): string {
 *   if (ValidationErrors.isValidationError(error)) {
 *     return `Fix the property ${ValidationErrors.propertyOf(error)} of the construct.`;
 *   }
 *   return 'Unexpected failure.';
 * }
 */
export class ValidationErrors {
  /**
   * True when `error` is a bad-input error of this library.
   *
   * @param error anything caught
   */
  public static isValidationError(error: unknown): boolean {
    return isValidationError(error);
  }

  /**
   * The property an input error names, as the user wrote it. Undefined for any other error.
   *
   * @param error anything caught
   */
  public static propertyOf(error: unknown): string | undefined {
    return isValidationError(error) ? error.property : undefined;
  }

  private constructor() {}
}
