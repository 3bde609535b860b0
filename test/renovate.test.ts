// renovate.json (written by .projenrc.ts) must keep finding the image pins of src/core/versions.ts:
// renaming a pin or changing its format without updating the regex fails here.
import { readFileSync } from 'fs';
import { join } from 'path';
import { PinnedVersions } from '../src/core/versions';

const root = join(__dirname, '..');
const renovate = JSON.parse(readFileSync(join(root, 'renovate.json'), 'utf8'));
const versionsPath = 'src/core/versions.ts';
const versions = readFileSync(join(root, versionsPath), 'utf8');

/** Renovate's named groups are JavaScript's; it matches each string against the whole file. */
function managerFor(depName: string): any {
  const managers = renovate.customManagers.filter((m: any) => m.depNameTemplate === depName);
  expect(managers).toHaveLength(1);
  return managers[0];
}

function currentValues(manager: any): string[] {
  expect(manager.fileMatch.some((pattern: string) => new RegExp(pattern).test(versionsPath))).toBe(true);
  return manager.matchStrings.flatMap((pattern: string) =>
    [...versions.matchAll(new RegExp(pattern, 'g'))].map((match) => match.groups!.currentValue));
}

describe('renovate.json', () => {
  test('runs on a schedule, with the regex manager only', () => {
    expect(renovate.schedule).toEqual(['before 6am on monday']);
    expect(renovate.enabledManagers).toEqual(['custom.regex']);
  });

  test('finds exactly the cloudflared pin, from Docker Hub, and its versioning parses it', () => {
    const manager = managerFor('cloudflare/cloudflared');
    expect(manager.datasourceTemplate).toBe('docker');
    expect(currentValues(manager)).toEqual([PinnedVersions.CLOUDFLARED]);
    const versioning = new RegExp(manager.versioningTemplate.replace(/^regex:/, ''));
    expect(versioning.exec(PinnedVersions.CLOUDFLARED)?.groups).toEqual(
      expect.objectContaining({ major: expect.any(String), minor: expect.any(String), patch: expect.any(String) }));
    // The minimum release is a floor, not a pin to update.
    expect(currentValues(manager)).not.toContain(PinnedVersions.CLOUDFLARED_MINIMUM);
  });

  test('finds exactly the CloudWatch agent pin, from its public ECR repository', () => {
    const manager = managerFor('public.ecr.aws/cloudwatch-agent/cloudwatch-agent');
    expect(manager.datasourceTemplate).toBe('docker');
    expect(currentValues(manager)).toEqual([PinnedVersions.CLOUDWATCH_AGENT]);
  });
});
