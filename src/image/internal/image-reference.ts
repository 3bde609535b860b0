/**
 * Checks on image references and tags. Internal: not part of the public API.
 *
 * A task definition that names a moving tag (`latest`, or no tag at all, which means `latest`) can run
 * different code after any restart without a change in Terraform, so only pinned references pass.
 */
import { invalid, isToken } from '../../core/validation';

/** Docker's tag grammar: up to 128 word characters, dots and dashes, not starting with a dot or dash. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** An image digest as registries print it. */
export const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** What a pinned reference looks like, for error messages. */
const PINNED = 'Expected a pinned version tag such as "1.2.3" or a digest "sha256:<64 hex digits>"; "latest" is not allowed because it changes without a change in code.';

/** Fails unless `tag` is a pinned tag or a digest. */
export function requirePinnedTag(property: string, tag: string): void {
  if (isToken(tag)) {
    return;
  }
  if (DIGEST.test(tag)) {
    return;
  }
  if (!TAG.test(tag) || tag.toLowerCase() === 'latest') {
    invalid(property, tag, PINNED);
  }
}

/** Fails unless `digest` is `sha256:<64 lower-case hex digits>`; tokens pass. */
export function requireDigest(property: string, digest: string): void {
  if (!isToken(digest) && !DIGEST.test(digest)) {
    invalid(property, digest, 'Expected an image digest "sha256:<64 lower-case hex digits>", as `docker buildx imagetools inspect` prints it.');
  }
}

/** `repository:tag`, or `repository@sha256:...` when the "tag" is a digest. */
export function withTag(repository: string, tag: string): string {
  return DIGEST.test(tag) ? `${repository}@${tag}` : `${repository}:${tag}`;
}

/** Fails unless `reference` names an image by a pinned tag or by digest. */
export function requirePinnedReference(property: string, reference: string): void {
  if (isToken(reference)) {
    return;
  }
  const example = 'Expected a pinned image reference such as "grafana/grafana:11.3.0" or "name@sha256:<64 hex digits>"; "latest" and untagged references are not allowed because they change without a change in code.';
  if (reference.length === 0 || /\s/.test(reference)) {
    invalid(property, reference, example);
  }
  // Docker's grammar: name[:tag][@digest]. With both, the digest decides what is pulled and the tag
  // is only read by people, so any well-formed tag (even "latest") may stand next to a digest.
  const at = reference.indexOf('@');
  const beforeDigest = at >= 0 ? reference.slice(0, at) : reference;
  if (at >= 0 && (at === 0 || !DIGEST.test(reference.slice(at + 1)))) {
    invalid(property, reference, example);
  }
  // A colon before the last slash belongs to a registry port (host:5000/name), not to a tag.
  const colon = beforeDigest.indexOf(':', beforeDigest.lastIndexOf('/') + 1);
  if (colon < 0 && at < 0) {
    invalid(property, reference, example);
  }
  if (colon >= 0) {
    const tag = beforeDigest.slice(colon + 1);
    if (colon === 0 || !TAG.test(tag) || (at < 0 && tag.toLowerCase() === 'latest')) {
      invalid(property, reference, example);
    }
  }
  requireImageName(property, reference, colon >= 0 ? beforeDigest.slice(0, colon) : beforeDigest);
}

/** A registry host (a name with a dot or a port, or `localhost`), as Docker reads the first component. */
const REGISTRY_HOST = /^(?:localhost|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]+)?$/;

/** One path component of a repository: lower case, digits and single separators. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/**
 * Docker's grammar for the name before the tag or digest: an optional
 * registry host, then lower-case path components. A scheme (`https://`) or an
 * upper-case repository registers fine in the task definition, but every pull
 * then fails.
 */
function requireImageName(property: string, reference: string, name: string): void {
  const components = name.split('/');
  const first = components[0];
  const hasHost = components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = hasHost ? components.slice(1) : components;
  if ((hasHost && !REGISTRY_HOST.test(first)) || path.length === 0 || !path.every((component) => PATH_COMPONENT.test(component))) {
    invalid(property, reference,
      'Expected [registry-host[:port]/]repository:tag with no scheme, where the repository is lower-case letters, digits '
      + 'and single separators (. _ __ -) between "/" (e.g. "ghcr.io/acme/admin:1.4.2"); Docker refuses to pull anything else.');
  }
}

/** A calendar-versioned release tag such as `2025.10.1`, as numbers. */
function releaseNumbers(tag: string): number[] | undefined {
  const match = /^(\d{4})\.(\d{1,2})\.(\d+)$/.exec(tag);
  return match ? match.slice(1).map(Number) : undefined;
}

/**
 * Fails when `tag` is a release older than `minimum`. Digests and other tag
 * forms cannot be compared and pass.
 */
export function requireReleaseAtLeast(property: string, tag: string, minimum: string, why: string): void {
  const given = releaseNumbers(tag);
  const floor = releaseNumbers(minimum)!;
  if (given === undefined) {
    return;
  }
  const index = given.findIndex((n, i) => n !== floor[i]);
  if (index >= 0 && given[index] < floor[index]) {
    invalid(property, tag, `Expected release ${minimum} or newer: ${why}.`);
  }
}
