/**
 * Problems that a factory of a value object (an image, a secret, a capacity strategy, an alert target)
 * finds in its arguments. Internal: not part of the public API.
 *
 * A factory runs before the value reaches a construct, so it cannot know where the user put the value:
 * `ContainerSecret.fromSsmParameter('bad')` may become `app.secrets.DB_PASSWORD` of the pattern or of a
 * building block. The factory records the problem instead of throwing, and every construct that
 * receives the value raises it under the prop path the user wrote, before it creates any resource
 * (`requireValidArguments`). A value with a problem is never synthesized: each consumer checks.
 */
import { isValidationError, ValidationError } from './validation';

/** What a factory found wrong with its arguments, or undefined when they are fine. */
export type ArgumentProblem = ValidationError | undefined;

/**
 * Runs the argument checks of a factory and returns the first problem instead of throwing it.
 *
 * @param factory how the user called the factory, e.g. `ContainerSecret.fromSsmParameter`
 * @param checks the checks, which throw a ValidationError naming the argument
 */
export function checkArguments(factory: string, checks: () => void): ArgumentProblem {
  try {
    checks();
    return undefined;
  } catch (error) {
    if (!isValidationError(error)) {
      throw error;
    }
    return withFactory(error, factory);
  }
}

/** Names the factory and its argument in the allowed text, so the renamed error still says which argument. */
function withFactory(error: ValidationError, factory: string): ValidationError {
  const argument = error.property.startsWith(factory) ? error.property : `${factory}(${error.property})`;
  return new ValidationError(error.property, error.shownValue, `${error.allowed} Given to ${argument}.`);
}

/**
 * Raises the problem a factory recorded, under the prop path the user wrote (`app.secrets.DB_PASSWORD`).
 *
 * @param property the prop path of the value, as the user of the receiving construct wrote it
 * @param problem the recorded problem, if any
 */
export function requireValidArguments(property: string, problem: ArgumentProblem): void {
  if (problem !== undefined) {
    throw problem.renamed(property);
  }
}
