import { PinnedVersions } from '../src';

describe('PinnedVersions', () => {
  test('cloudflared is pinned to a release tag, never latest', () => {
    expect(PinnedVersions.CLOUDFLARED).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });

  test('the CloudWatch agent of the metrics option is pinned to a release tag', () => {
    expect(PinnedVersions.CLOUDWATCH_AGENT).toMatch(/^1\.\d+\.\d+b\d+$/);
  });
});
