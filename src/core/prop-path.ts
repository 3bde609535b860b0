/**
 * Where a prop sits in what the user wrote, so that an error names it the
 * same way however deep the construct that checks it: `service.cpu` when the
 * service tuning options came through the pattern, `cpu` when they were given
 * to the service itself. Internal wiring, not part of the public API.
 *
 * A construct that builds another one from the props its own user wrote hands
 * them down with `handDownChecked`: the inner construct then knows that the
 * owner's validator already ran on them (under the outer path) and does not
 * check them again. The channel is a module-private WeakMap keyed by the props
 * object, invisible to jsii and to props that come from other languages.
 */

/** A path prefix such as `service.` or `access.policies[1].`; the root is empty. */
export class PropPath {
  /** The path of a construct's own props. */
  public static root(): PropPath {
    return PropPath.ROOT_PATH;
  }

  private static readonly ROOT_PATH = new PropPath('');

  private constructor(private readonly prefix: string) {}

  /** The path of a nested object, e.g. `service` under the root gives `service.`. */
  public child(name: string): PropPath {
    return new PropPath(`${this.prefix}${name}.`);
  }

  /** The path of element `i` of the list `name`, e.g. `policies[1].`. */
  public element(name: string, i: number): PropPath {
    return new PropPath(`${this.prefix}${name}[${i}].`);
  }

  /** The full name of the prop `name` under this path, e.g. `service.cpu`. */
  public of(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** The path of the object itself, without a trailing dot (`access`; empty for the root). */
  public get name(): string {
    return this.prefix.replace(/\.$/, '');
  }

  /** The prefix itself, with its trailing dot, for helpers that take one (e.g. `access.policies[1].`). */
  public get text(): string {
    return this.prefix;
  }
}

/** Props objects whose owner's validator already ran, with the path it ran under. */
const CHECKED = new WeakMap<object, PropPath>();

/**
 * Marks `props` as checked under `path` by the validator of the construct
 * that will receive them, and returns them. Only for our own constructs, in
 * the process that built `props`.
 */
export function handDownChecked<T extends object>(props: T, path: PropPath = PropPath.root()): T {
  CHECKED.set(props, path);
  return props;
}

/** True when `props` were handed down already checked: the receiving construct skips its validator. */
export function wasChecked(props: object): boolean {
  return CHECKED.has(props);
}

/** The path under which the user wrote `props`: the one they were handed down with, else the root. */
export function pathOf(props: object): PropPath {
  return CHECKED.get(props) ?? PropPath.root();
}
