/**
 * Cloudflare account and zone ids, and the UUIDs of tunnels and Access objects. Internal: not part of the public API.
 */
import { invalid, isToken } from './validation';

/** Account and zone ids: 32 lower-case hexadecimal characters. */
const CLOUDFLARE_ID = /^[0-9a-f]{32}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID (any case), the form of a tunnel id and of Access object ids. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Fails unless `value` is a Cloudflare account or zone id; tokens pass. */
export function requireCloudflareId(property: string, value: string): void {
  if (!isToken(value) && (typeof value !== 'string' || !CLOUDFLARE_ID.test(value))) {
    invalid(property, value, 'Expected a Cloudflare id of 32 lower-case hexadecimal characters (as shown in the dashboard overview).');
  }
}
