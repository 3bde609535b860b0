/**
 * Input checks for the Access constructs. Internal: not part of the public API.
 *
 * Every check skips cdktf tokens (values known only at apply time) and fails
 * through `invalid`, so the message names the property, the value and what is allowed.
 */
import { isIpv6Cidr, parseIpv4Cidr } from '../../core/cidr';
import { isUuid } from '../../core/cloudflare-id';
import { DNS_LABEL_SOURCE } from '../../core/dns-label';
import { invalid, isToken, requireNonEmpty, requireText, requireUnique } from '../../core/validation';

/**
 * Longest session Cloudflare Access accepts for an application or policy: the
 * dashboard's "1 month", which the API stores as `730h`.
 */
const MAX_SESSION_HOURS = 730;

/** Session length of applications and policies when none is given (provider v5's default). */
export const DEFAULT_SESSION_DURATION = '24h';

/** Nanoseconds per Go duration unit. */
const GO_DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const GO_DURATION_TERM = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;

/** A domain of at least two labels, e.g. `example.com`. */
const DOMAIN = new RegExp(`^(?:${DNS_LABEL_SOURCE}\\.)+[a-z]{2,63}$`);
/** The part of an address before the `@`, kept simple on purpose. */
const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;

/**
 * Parses a Go duration (`30m`, `24h`, `2h45m`) into hours; undefined when the
 * text is not one. Signs are rejected: a session cannot be negative.
 */
export function goDurationHours(text: string): number | undefined {
  if (!GO_DURATION.test(text)) {
    return undefined;
  }
  let nanoseconds = 0;
  for (const [, amount, unit] of text.matchAll(GO_DURATION_TERM)) {
    nanoseconds += Number(amount) * GO_DURATION_UNITS[unit];
  }
  return nanoseconds / GO_DURATION_UNITS.h;
}

/** Fails unless `value` is a Go duration (a session length, at most 730h). */
export function requireSessionDuration(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  const hours = goDurationHours(value);
  if (hours === undefined || hours <= 0 || hours > MAX_SESSION_HOURS) {
    invalid(property, value,
      `Expected a Go duration such as "30m", "24h" or "2h45m" (units ns, us, ms, s, m, h), greater than zero and at most ${MAX_SESSION_HOURS}h.`);
  }
}

/** Fails unless `value` is a Go duration greater than zero. */
export function requirePositiveGoDuration(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  const hours = goDurationHours(value);
  if (hours === undefined || hours <= 0) {
    invalid(property, value, 'Expected a Go duration greater than zero, such as "720h" or "8760h" (units ns, us, ms, s, m, h).');
  }
}

/** Fails unless `value` is an email address like `user@example.com`. */
export function requireEmail(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  const at = typeof value === 'string' ? value.lastIndexOf('@') : -1;
  const valid = at > 0
    && LOCAL_PART.test(value.slice(0, at))
    && DOMAIN.test(value.slice(at + 1).toLowerCase());
  if (!valid) {
    invalid(property, value, 'Expected an email address like "user@example.com".');
  }
}

/** Fails unless `values` is a non-empty list of distinct email addresses. */
export function requireEmailList(property: string, values: string[]): void {
  requireLiteralList(property, values);
  if (!Array.isArray(values)) {
    invalid(property, values, 'Expected a list of email addresses.');
  }
  requireNonEmpty(property, values);
  values.forEach((value, i) => requireEmail(`${property}[${i}]`, value));
  requireUnique(property, values.filter((v) => !isToken(v)), (v) => v.toLowerCase());
}

/**
 * Fails for a list token: each element of these lists becomes its own rule
 * selector or destination, so synthesis must see the elements. The elements
 * themselves may be tokens.
 */
export function requireLiteralList(property: string, values: unknown): void {
  if (isToken(values)) {
    invalid(property, values,
      'Expected a literal list (its elements may be tokens): each element becomes its own entry in the synthesized '
      + 'configuration. Spell the list out, e.g. [var1.stringValue, "b@example.com"].');
  }
}

/** Fails unless `value` is a bare email domain like `example.com` (no `@`, no scheme). */
export function requireEmailDomain(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !DOMAIN.test(value)) {
    invalid(property, value, 'Expected a lowercase domain like "example.com", without "@" or a scheme.');
  }
}

/**
 * Fails unless `value` is a lowercase hostname, optionally with a leading
 * wildcard label and a path: `app.example.com`, `*.example.com`, `example.com/admin`.
 */
export function requireApplicationDomain(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  const slash = typeof value === 'string' ? value.indexOf('/') : -1;
  const host = slash === -1 ? value : value.slice(0, slash);
  const path = slash === -1 ? '' : value.slice(slash);
  const hostValid = typeof host === 'string' && DOMAIN.test(host.startsWith('*.') ? host.slice(2) : host);
  const pathValid = path === '' || /^\/[^\s]*$/.test(path);
  if (!hostValid || !pathValid) {
    invalid(property, value,
      'Expected a lowercase hostname such as "app.example.com" or "*.example.com", optionally followed by a path ("app.example.com/admin"), without a scheme or port.');
  }
}

/**
 * Fails unless `values` is a literal, non-empty list of distinct application
 * domains (see `requireApplicationDomain`); the elements may be tokens.
 */
export function requireApplicationDomains(property: string, values: string[]): void {
  if (isToken(values)) {
    return; // a whole Terraform list: rendered as a `for` expression, checked by the provider at apply
  }
  if (!Array.isArray(values)) {
    invalid(property, values, 'Expected a list of hostnames.');
  }
  requireNonEmpty(property, values);
  values.forEach((domain, i) => requireApplicationDomain(`${property}[${i}]`, domain));
  requireUnique(property, values);
}

/** Fails unless `value` is a UUID (`f174e90a-fafe-4643-bbbc-4a0ed4fc8415`); tokens pass. */
export function requireUuid(property: string, value: string, what: string): void {
  requireText(property, value);
  if (!isToken(value) && !isUuid(value)) {
    invalid(property, value, `Expected ${what}: a UUID such as "f174e90a-fafe-4643-bbbc-4a0ed4fc8415".`);
  }
}

/**
 * Fails unless `value` is an IPv4 or IPv6 CIDR block in network form
 * (`203.0.113.0/24`, `2001:db8::/32`); host bits set would be normalised by
 * Cloudflare and show as a change on every plan.
 */
export function requireCidr(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || (parseIpv4Cidr(value) === undefined && !isIpv6Cidr(value))) {
    invalid(property, value,
      'Expected an IPv4 or IPv6 CIDR block with no host bits set, such as "203.0.113.0/24", "198.51.100.7/32" or "2001:db8::/32".');
  }
}

/** The URL in `value`, or undefined when it is not one. */
export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Fails unless `value` is an `https://` URL. */
export function requireHttpsUrl(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  const url = parseUrl(value);
  if (!url || url.protocol !== 'https:' || url.hostname === '') {
    invalid(property, value, 'Expected an https:// URL.');
  }
}

/**
 * `2030-01-31T00:00:00Z`, `2030-01-31T01:00:00.5+01:00`: what Go's `time.Parse(time.RFC3339, ...)`
 * (the provider's `timetypes.RFC3339`) accepts.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Fails unless `value` is an RFC 3339 timestamp of a real date and time. */
export function requireRfc3339Timestamp(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  const match = RFC3339.exec(value);
  // Without an offset (Z) its groups are undefined: read them as 0.
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = (match?.slice(1) ?? []).map(part => Number(part ?? 0));
  // Date.UTC rolls 2030-02-30 over to March 2: a real date reads back unchanged.
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!match || !realDate || hour > 23 || minute > 59 || second > 59 || offsetHour > 23 || offsetMinute > 59) {
    invalid(property, value, 'Expected an RFC 3339 timestamp such as "2030-01-31T00:00:00Z" (a real date and time, with Z or an offset).');
  }
}

/**
 * A list that may be a token as a whole (it then passes unchecked), else a
 * non-empty list of distinct values, each passing `check`.
 *
 * @param key what makes two values the same (e.g. lower-cased)
 * @param listForm what to expect when `values` is not a list at all
 */
export function checkOptionalList(property: string, values: string[] | undefined, check: (property: string, value: string) => void,
  key: (value: string) => string = String, listForm = 'Expected a list.'): void {
  if (values === undefined || isToken(values)) {
    return;
  }
  if (!Array.isArray(values)) {
    invalid(property, values, listForm);
  }
  requireNonEmpty(property, values);
  values.forEach((value, i) => check(`${property}[${i}]`, value));
  requireUnique(property, values.filter((value) => !isToken(value)), key);
}
