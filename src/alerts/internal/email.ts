/** Email addresses of alert targets. Internal: not part of the public API. */
import { invalid, isToken } from '../../core/validation';

/** An email address, loosely: the recipient confirms it (AWS) or simply receives it (Cloudflare). */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Fails unless `address` looks like an email address; tokens pass. */
export function requireEmail(property: string, address: string): void {
  if (!isToken(address) && (typeof address !== 'string' || !EMAIL.test(address))) {
    invalid(property, address, 'Expected an email address such as "ops@example.com".');
  }
}
