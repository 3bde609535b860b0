/**
 * The origin service forms that `cloudflared` accepts in an ingress rule.
 * Mirrors cloudflared's own validation, so a bad value fails at synth time
 * instead of as a tunnel that refuses its remote configuration.
 */

/** URL schemes cloudflared can proxy to; the URL must have a host and no path. */
const URL_SCHEMES = ['http', 'https', 'tcp', 'ssh', 'rdp', 'smb'];

/** `scheme://host[:port]` where host is a name, an IPv4 address or a bracketed IPv6 address. */
const SERVICE_URL = /^([a-z]+):\/\/([A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]{1,5}))?$/;

/** `unix:/path` and `unix+tls:/path` (a socket path is required). */
const UNIX_SOCKET = /^unix(?:\+tls)?:.+$/;

/** `http_status:NNN` with a real HTTP status code. */
const HTTP_STATUS = /^http_status:([1-5][0-9]{2})$/;

/** What a valid service looks like, for error messages. */
export const ORIGIN_SERVICE_FORM =
  'Expected http://, https://, tcp://, ssh://, rdp:// or smb:// followed by a host and optional port ' +
  '(no path, e.g. "http://localhost:8080"), unix:/path/to.sock, unix+tls:/path/to.sock, ' +
  'http_status:NNN (100-599) or hello_world.';

/** True when `service` is a form cloudflared accepts as an ingress origin. */
export function isValidOriginService(service: string): boolean {
  if (service === 'hello_world' || UNIX_SOCKET.test(service) || HTTP_STATUS.test(service)) {
    return true;
  }
  const url = SERVICE_URL.exec(service);
  if (!url || !URL_SCHEMES.includes(url[1])) {
    return false;
  }
  const port = url[3];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}
