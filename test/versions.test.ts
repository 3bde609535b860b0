import { PinnedVersions } from '../src';

describe('PinnedVersions', () => {
  test('cloudflared is pinned to a release tag, never latest', () => {
    expect(PinnedVersions.CLOUDFLARED).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });
});
