/** Email addresses of alert targets. Internal: not part of the public API. */

/** An email address, loosely: the recipient confirms it (AWS) or simply receives it (Cloudflare). */
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
