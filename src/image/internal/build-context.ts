/**
 * A Docker build context on disk: the files a build would send (after the ignore file), their content
 * hash, and a copy of exactly those files. Internal: not part of the public API.
 *
 * The image is built from the copy, so what is hashed is what is built: a file the ignore rules leave
 * out can change without a rebuild, and a file they keep always counts.
 */
import { createHash } from 'crypto';
import { chmodSync, closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, rmSync, symlinkSync } from 'fs';
import { dirname, join, relative, sep } from 'path';
import { IgnoreRules } from './dockerignore';

/** One entry the build context sends. */
export interface ContextEntry {
  /** Path relative to the context, `/`-separated. */
  readonly path: string;
  readonly kind: 'file' | 'directory' | 'symlink';
  /** Owner-executable bit of a file: the one mode bit that survives a git checkout on any machine. */
  readonly executable: boolean;
}

/** The ignore file Docker reads for `dockerfile`: `<Dockerfile>.dockerignore` next to it if there is one, else `.dockerignore`. */
export function ignoreFileFor(contextDir: string, dockerfile: string): string | undefined {
  for (const candidate of [`${dockerfile}.dockerignore`, '.dockerignore']) {
    if (existsSync(join(contextDir, ...candidate.split('/')))) {
      return candidate;
    }
  }
  return undefined;
}

/** The rules of that ignore file (none without one). */
export function readIgnoreRules(contextDir: string, ignoreFile: string | undefined): IgnoreRules {
  if (ignoreFile === undefined) {
    return IgnoreRules.NONE;
  }
  return IgnoreRules.parse(readFileSync(join(contextDir, ...ignoreFile.split('/')), 'utf8'), { file: ignoreFile });
}

/** True when `inner` is `outer` or lies below it. */
function isWithin(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/**
 * The entries of the context that a build sends, sorted by path (code-unit order, the same on every
 * machine and locale). The Dockerfile and the ignore file are always sent, as Docker does. Folders in
 * `skip` (absolute; the synth output folder when it lies inside the context) are left out, so a
 * synth never hashes or copies its own output.
 */
export function contextEntries(contextDir: string, rules: IgnoreRules, alwaysSent: string[], skip: string[]): ContextEntry[] {
  const root = realpathSync(contextDir);
  const skipped = skip.filter((dir) => existsSync(dir)).map((dir) => realpathSync(dir)).filter((dir) => isWithin(root, dir) && dir !== root);
  const entries: ContextEntry[] = [];
  const walk = (relDir: string): void => {
    const absDir = relDir === '' ? root : join(root, ...relDir.split('/'));
    for (const name of readdirSync(absDir).sort()) {
      const path = relDir === '' ? name : `${relDir}/${name}`;
      const abs = join(absDir, name);
      const stat = lstatSync(abs);
      const excluded = rules.excludes(path) && !alwaysSent.includes(path);
      if (stat.isDirectory()) {
        if (skipped.some((dir) => isWithin(dir, abs))) {
          continue;
        }
        if (!excluded) {
          entries.push({ path, kind: 'directory', executable: false });
        }
        const holdsAlwaysSent = alwaysSent.some((file) => file.startsWith(`${path}/`));
        if (!excluded || holdsAlwaysSent || rules.mayIncludeBelow(path)) {
          walk(path);
        }
      } else if (!excluded && stat.isFile()) {
        entries.push({ path, kind: 'file', executable: Math.floor(stat.mode / 0o100) % 2 === 1 });
      } else if (!excluded && stat.isSymbolicLink()) {
        entries.push({ path, kind: 'symlink', executable: false });
      }
      // Sockets, pipes and devices are never sent.
    }
  };
  walk('');
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** SHA-256 of a file's content, read in chunks. */
function fileDigest(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    let read: number;
    while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * SHA-256 (hex) over the build settings and every entry: its path, kind, executable bit, and the
 * content of a file or the target of a symlink. Nothing else (no time stamp, owner or absolute path),
 * so the same sources give the same hash on every machine.
 */
export function contextHash(contextDir: string, entries: ContextEntry[], settings: unknown): string {
  const hash = createHash('sha256');
  hash.update('cdktf-zero-trust-fargate docker build context v1\n');
  hash.update(`${JSON.stringify(settings)}\n`);
  for (const entry of entries) {
    const abs = join(contextDir, ...entry.path.split('/'));
    const payload = entry.kind === 'file' ? fileDigest(abs) : entry.kind === 'symlink' ? readlinkSync(abs) : '';
    hash.update(`${JSON.stringify([entry.path, entry.kind, entry.executable, payload])}\n`);
  }
  return hash.digest('hex');
}

/** Copies exactly `entries` from `contextDir` into the empty folder `target`. */
export function copyEntries(contextDir: string, entries: ContextEntry[], target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of entries) {
    const from = join(contextDir, ...entry.path.split('/'));
    const to = join(target, ...entry.path.split('/'));
    mkdirSync(entry.kind === 'directory' ? to : dirname(to), { recursive: true });
    if (entry.kind === 'file') {
      copyFileSync(from, to);
      chmodSync(to, lstatSync(from).mode % 0o1000); // the permission bits
    } else if (entry.kind === 'symlink') {
      symlinkSync(readlinkSync(from), to);
    }
  }
}

/** Replaces `folder` (and any earlier copy in it) with nothing. */
export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
