// The .dockerignore rules that decide which files a build sends, and so the image's tag: Docker's
// semantics (moby/patternmatcher), checked on the cases Docker's documentation and tests describe.
import { cleanPath, IgnoreRules } from '../../src/image/internal/dockerignore';

const rules = (...lines: string[]) => IgnoreRules.parse(lines.join('\n'), { file: '.dockerignore' });

describe('one pattern', () => {
  test.each([
    // [pattern, path, excluded]
    ['*', 'fileutils.go', true],
    ['*.go', 'fileutils.go', true],
    ['*.go', 'dir/fileutils.go', false], // * does not cross a /
    ['*/temp*', 'somedir/temporary.txt', true],
    ['*/temp*', 'somedir/sub/temporary.txt', false],
    ['*/*/temp*', 'somedir/subdir/temporary.txt', true],
    ['temp?', 'temp1', true],
    ['temp?', 'temp12', false],
    ['**', 'dir/file', true],
    ['**/*.go', 'a/b/c.go', true],
    ['**/*.go', 'c.go', true],
    ['**/dir', 'dir', true],
    ['**/dir', 'dir/file', true], // a directory match covers its contents
    ['**/dir2/*', 'dir/dir2/file', true],
    ['dir/**', 'dir/dir2/file', true],
    ['abc/**', 'abc', false],
    ['abc/**', 'abc/def', true],
    ['a**/*.txt', 'a/dir/dir/file.txt', true],
    ['a/*.txt', 'a/dir/file.txt', false],
    ['**/foo/bar', 'foo/bar', true],
    ['**/foo/bar', 'dir/dir2/foo/bar', true],
    ['**/.foo', 'bar.foo', false],
    ['.*', '.foo', true],
    ['.*', 'foo', false],
    ['abc.def', 'abcZdef', false], // . is literal
    ['abc?def', 'abcZdef', true],
    ['a[b-d]e', 'ace', true],
    ['a[b-d]e', 'aae', false],
    ['a[^b-d]e', 'aze', true],
    ['a(b)c/def', 'a(b)c/def', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
    ['node_modules', 'node_modules/left-pad/index.js', true],
    ['/node_modules', 'node_modules/x', true], // a leading / is the context root
    ['docs/', 'docs/README.md', true], // a trailing / is cleaned away
    ['./a//b/../c', 'a/c', true],
  ])('%s on %s: excluded %s', (pattern, path, excluded) => {
    expect(rules(pattern).excludes(path)).toBe(excluded);
  });
});

describe('several patterns: the last one that matches decides', () => {
  test.each([
    [['*.md', '!README.md'], 'README.md', false],
    [['*.md', '!README.md'], 'CHANGES.md', true],
    [['!README.md', '*.md'], 'README.md', true], // the exception comes too early
    [['*.md', '!README*.md', 'README-secret.md'], 'README-secret.md', true],
    [['*.md', '!README*.md', 'README-secret.md'], 'README-public.md', false],
    [['docs', '!docs/README.md'], 'docs/README.md', false],
    [['docs', '!docs/README.md'], 'docs/other.md', true],
    [['docs/*', '!docs/README.md'], 'docs/README.md', false],
    [['**', '!util/docker/web'], 'util/docker/web/foo', false],
    [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
    [['**', '!Dockerfile', '!app'], 'app/main.py', false],
    [['**', '!Dockerfile', '!app'], 'tests/test_main.py', true],
  ])('%j on %s: excluded %s', (patterns, path, excluded) => {
    expect(rules(...patterns).excludes(path)).toBe(excluded);
  });
});

test('comments, blank lines, surrounding whitespace and a byte order mark are not patterns', () => {
  const parsed = IgnoreRules.parse('\uFEFF# *.py\n\n   \n  secret.txt  \r\n', { file: '.dockerignore' });
  expect(parsed.excludes('app.py')).toBe(false);
  expect(parsed.excludes('secret.txt')).toBe(true);
  // Only a # at the very start of a line makes a comment, as in Docker.
  expect(rules(' #notacomment').excludes('#notacomment')).toBe(true);
});

test('the walk may skip an excluded folder only when no exception can reach into it', () => {
  expect(rules('node_modules').mayIncludeBelow('node_modules')).toBe(false);
  expect(rules('node_modules', '!node_modules/keep').mayIncludeBelow('node_modules')).toBe(true);
  expect(rules('node_modules', '!**/keep').mayIncludeBelow('node_modules')).toBe(true);
  expect(rules('node_modules', '!src/keep').mayIncludeBelow('node_modules')).toBe(false);
});

test('patterns Docker refuses fail with the file, the line and the pattern', () => {
  expect(() => rules('ok', '!')).toThrow('.dockerignore line 2: "!" is a "!" without a pattern');
  expect(() => rules('[abc')).toThrow('.dockerignore line 1: "[abc" is not a valid pattern');
  expect(() => rules('a\\')).toThrow('.dockerignore line 1: "a\\\\" is not a valid pattern');
});

test('cleanPath is Go\'s path.Clean', () => {
  expect(['', '.', 'a/', './a', 'a//b', 'a/./b', 'a/../b', '../a', '/..', '/a/b/', 'a/b/../..'].map(cleanPath))
    .toEqual(['.', '.', 'a', 'a', 'a/b', 'a/b', 'b', '../a', '/', '/a/b', '.']);
});
