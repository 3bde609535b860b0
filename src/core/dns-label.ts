/**
 * The form of one DNS label, shared by every name that must read well in a
 * hostname or a Terraform address (team names, the pattern's name, policy and
 * path keys, the labels of a domain). Internal: not part of the public API.
 */

/** One DNS label as a regular expression source, for composing longer forms (e.g. a domain). */
export const DNS_LABEL_SOURCE = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

const DNS_LABEL = new RegExp(`^${DNS_LABEL_SOURCE}$`);

/** What a DNS label looks like, for error messages. */
export const DNS_LABEL_FORM = 'Expected 1 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit';

/** True when `value` is a single lower-case DNS label: 1-63 letters, digits and inner hyphens. */
export function isDnsLabel(value: string): boolean {
  return DNS_LABEL.test(value);
}
