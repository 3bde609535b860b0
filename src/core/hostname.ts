/**
 * Checks on DNS names, so that a typo in a hostname fails at synth time
 * rather than as a DNS record that never resolves. Shared by the tunnel and
 * the pattern. Internal: not part of the public API.
 */
import { isDnsLabel } from './dns-label';
import { invalid, isToken } from './validation';

/** The longest DNS name in text form, without the trailing dot. */
const MAX_NAME_LENGTH = 253;

/** What a valid name looks like, for error messages, with an example name. */
function dnsNameForm(example: string): string {
  return `Expected a fully qualified lower-case DNS name of at least two labels, e.g. "${example}" ` +
    '(letters, digits and hyphens; no wildcard, port, scheme or trailing dot).';
}

/**
 * True when `value` is a fully qualified lower-case DNS name of at least two
 * labels whose last label is not all digits (so an IP address is refused).
 */
function isFullyQualifiedDnsName(value: string): boolean {
  if (value.length > MAX_NAME_LENGTH) {
    return false;
  }
  const labels = value.split('.');
  if (labels.length < 2 || !labels.every(isDnsLabel)) {
    return false;
  }
  return !/^[0-9]+$/.test(labels[labels.length - 1]);
}

/** True when `hostname` is the zone apex or a name below it. */
function isInZone(hostname: string, zoneName: string): boolean {
  return hostname === zoneName || hostname.endsWith(`.${zoneName}`);
}

/** A Zero Trust team name is one DNS label; tokens pass. */
export function requireTeamName(property: string, teamName: string): void {
  if (!isToken(teamName) && !isDnsLabel(teamName)) {
    invalid(property, teamName,
      'Expected the Zero Trust team name only: the first label of the team domain, e.g. "acme" for acme.cloudflareaccess.com.');
  }
}

/** A public hostname: a fully qualified lower-case DNS name, in the zone when one is named; tokens pass. */
export function requireHostname(property: string, hostname: string, zoneName: string | undefined, example = 'app.example.com'): void {
  if (isToken(hostname)) {
    return;
  }
  if (typeof hostname !== 'string' || !isFullyQualifiedDnsName(hostname)) {
    invalid(property, hostname, dnsNameForm(example));
  }
  if (zoneName !== undefined && !isToken(zoneName) && !isInZone(hostname, zoneName)) {
    invalid(property, hostname, `Expected "${zoneName}" or a name ending in ".${zoneName}" (the zone given as zoneName).`);
  }
}
