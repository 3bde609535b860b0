/**
 * Cloudflare account and zone ids. Internal: not part of the public API.
 */
import { invalid, isToken } from './validation';

/** Account and zone ids: 32 lower-case hexadecimal characters. */
const CLOUDFLARE_ID = /^[0-9a-f]{32}$/;

/** Fails unless `value` is a Cloudflare account or zone id; tokens pass. */
export function requireCloudflareId(property: string, value: string): void {
  if (!isToken(value) && (typeof value !== 'string' || !CLOUDFLARE_ID.test(value))) {
    invalid(property, value, 'Expected a Cloudflare id of 32 lower-case hexadecimal characters (as shown in the dashboard overview).');
  }
}
