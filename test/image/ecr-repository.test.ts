import { TerraformVariable, Testing } from 'cdktf';
import { rendered } from './rendered';
import { EcrRepository, TagMutability } from '../../src/image';
import { newStack, onlyResource, synth } from '../helpers';

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('EcrRepository', () => {
  test('snapshot with defaults', () => {
    const { json } = synth((stack) => new EcrRepository(stack, 'Repo', { name: 'team/my-app' }));
    expect(json).toMatchSnapshot();
  });

  test('outputs its URL under a name made of the repository name, or of the construct id for a token', () => {
    const named = synth((stack) => new EcrRepository(stack, 'Repo', { name: 'team/my-app' })).doc;
    expect(Object.keys(named.output)).toEqual(['team_my_app_repository_url']);
    expect(named.output.team_my_app_repository_url.value).toMatch(/^\$\{aws_ecr_repository\.\w+\.repository_url\}$/);
    const fromToken = synth((stack) => new EcrRepository(stack, 'app-images', {
      name: new TerraformVariable(stack, 'repository', { type: 'string' }).stringValue,
    })).doc;
    expect(Object.keys(fromToken.output)).toEqual(['app_images_repository_url']);
  });

  test('two repositories whose names give the same output name fail, naming the second name', () => {
    const stack = newStack();
    new EcrRepository(stack, 'one', { name: 'my-app' });
    expect(() => new EcrRepository(stack, 'two', { name: 'my_app' })).toThrow(
      /^Invalid name: "my_app"\. The Terraform output "my_app_repository_url" is already written by test\/one\/repository-url/);
  });

  test('scans on push, immutable tags and AES256 by default', () => {
    const { doc } = synth((stack) => new EcrRepository(stack, 'Repo', { name: 'my-app' }));
    const repo = onlyResource(doc, 'aws_ecr_repository');
    expect(repo.name).toBe('my-app');
    expect(repo.image_scanning_configuration).toEqual({ scan_on_push: true });
    expect(repo.image_tag_mutability).toBe('IMMUTABLE');
    expect(repo.encryption_configuration).toEqual([{ encryption_type: 'AES256' }]);
    expect(repo.force_delete).toBe(false);
  });

  test('by default the lifecycle policy expires only untagged images, after 7 days: a deployed tag never expires', () => {
    const { doc } = synth((stack) => new EcrRepository(stack, 'Repo', { name: 'my-app' }));
    const lifecycle = onlyResource(doc, 'aws_ecr_lifecycle_policy');
    expect(lifecycle.repository).toMatch(/^\$\{aws_ecr_repository\.\w+\.name\}$/);
    expect(JSON.parse(lifecycle.policy)).toEqual({
      rules: [
        {
          rulePriority: 1,
          description: 'Expire untagged images',
          selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
          action: { type: 'expire' },
        },
      ],
    });
  });

  test('tagged images expire only by an age window the user opts into, never by count', () => {
    const { doc } = synth((stack) => new EcrRepository(stack, 'Repo', { name: 'my-app', taggedImageExpiryDays: 365 }));
    const rules = JSON.parse(onlyResource(doc, 'aws_ecr_lifecycle_policy').policy).rules;
    expect(rules).toHaveLength(2);
    // "any" must come last (ECR's rule); untagged images are taken by the first rule, so this one expires tagged ones.
    expect(rules[1]).toEqual({
      rulePriority: 2,
      description: 'Expire tagged images past the retention window',
      selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 365 },
      action: { type: 'expire' },
    });
    expect(rules.map((rule: any) => rule.selection.countType)).not.toContain('imageCountMoreThan');
  });

  test('expiry days from Terraform references are written into the policy unchecked', () => {
    const stack = newStack();
    const days = new TerraformVariable(stack, 'days', { type: 'number' });
    new EcrRepository(stack, 'Repo', { name: 'my-app', untaggedImageExpiryDays: days.numberValue, taggedImageExpiryDays: days.numberValue });
    const policy = onlyResource(JSON.parse(Testing.synth(stack)), 'aws_ecr_lifecycle_policy').policy;
    expect(policy.match(/"countNumber":\$\{var\.days\}/g)).toHaveLength(2);
  });

  test('options: mutable tags, counts, KMS key, force delete, tags', () => {
    const { doc } = synth((stack) => new EcrRepository(stack, 'Repo', {
      name: 'my-app',
      tagMutability: TagMutability.MUTABLE,
      untaggedImageExpiryDays: 1,
      taggedImageExpiryDays: 90,
      kmsKeyArn: KEY_ARN,
      forceDelete: true,
      tags: { team: 'ops' },
    }));
    const repo = onlyResource(doc, 'aws_ecr_repository');
    expect(repo.image_tag_mutability).toBe('MUTABLE');
    expect(repo.encryption_configuration).toEqual([{ encryption_type: 'KMS', kms_key: KEY_ARN }]);
    expect(repo.force_delete).toBe(true);
    expect(repo.tags).toEqual({ team: 'ops' });
    const rules = JSON.parse(onlyResource(doc, 'aws_ecr_lifecycle_policy').policy).rules;
    expect(rules[0].selection.countNumber).toBe(1);
    expect(rules[1].selection.countNumber).toBe(90);
  });

  test('exposes the repository attributes as references', () => {
    const [arn, url, name] = rendered((stack) => {
      const repo = new EcrRepository(stack, 'Repo', { name: 'my-app' });
      return [repo.repositoryArn, repo.repositoryUrl, repo.repositoryName];
    });
    expect(arn).toMatch(/^\$\{aws_ecr_repository\.\w+\.arn\}$/);
    expect(url).toMatch(/^\$\{aws_ecr_repository\.\w+\.repository_url\}$/);
    expect(name).toMatch(/^\$\{aws_ecr_repository\.\w+\.name\}$/);
  });

  describe('rejects bad input before creating anything', () => {
    test.each([
      ['uppercase', 'My-App'],
      ['a double separator', 'my--app'],
      ['a leading slash', '/my-app'],
      ['a single character', 'a'],
      ['a space', 'my app'],
    ])('malformed name (%s)', (_what, name) => {
      const stack = newStack();
      expect(() => new EcrRepository(stack, 'Repo', { name })).toThrow(/Invalid name: .*lowercase letters and digits/);
      expect(stack.node.findChild('Repo').node.children).toHaveLength(0);
    });

    test.each([0, -1, 2.5])('non-positive or fractional taggedImageExpiryDays %p', (taggedImageExpiryDays) => {
      expect(() => new EcrRepository(newStack(), 'Repo', { name: 'my-app', taggedImageExpiryDays }))
        .toThrow(/Invalid taggedImageExpiryDays: .*greater than 0/);
    });

    test.each([0, -7])('non-positive untaggedImageExpiryDays %p', (untaggedImageExpiryDays) => {
      expect(() => new EcrRepository(newStack(), 'Repo', { name: 'my-app', untaggedImageExpiryDays }))
        .toThrow(/Invalid untaggedImageExpiryDays: .*greater than 0/);
    });

    test('a KMS alias instead of a key ARN', () => {
      expect(() => new EcrRepository(newStack(), 'Repo', { name: 'my-app', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:alias/ecr' }))
        .toThrow(/Invalid kmsKeyArn: .*KMS key ARN \(not an alias\)/);
    });
  });
});
