import { Construct } from 'constructs';
import { ServiceLogGroup } from '../../src/logs';
import { newStack, onlyResource, synth } from '../helpers';
import { rendered } from '../image/rendered';

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('ServiceLogGroup', () => {
  test('snapshot with defaults', () => {
    const { json } = synth((stack) => new ServiceLogGroup(stack, 'Logs'));
    expect(json).toMatchSnapshot();
  });

  test('defaults: name from the construct path, 30 days, no KMS key', () => {
    const { doc } = synth((stack) => new ServiceLogGroup(new Construct(stack, 'Grafana'), 'Logs'));
    const group = onlyResource(doc, 'aws_cloudwatch_log_group');
    expect(group).toEqual({ name: '/ecs/test/Grafana/Logs', retention_in_days: 30 });
  });

  test('name, retention, KMS key and tags', () => {
    const { doc } = synth((stack) => new ServiceLogGroup(stack, 'Logs', {
      name: '/ecs/grafana', retentionDays: 365, kmsKeyArn: KEY_ARN, tags: { app: 'grafana' },
    }));
    expect(onlyResource(doc, 'aws_cloudwatch_log_group')).toEqual({
      name: '/ecs/grafana', retention_in_days: 365, kms_key_id: KEY_ARN, tags: { app: 'grafana' },
    });
  });

  test('exposes name and ARN as references', () => {
    const [name, arn] = rendered((stack) => {
      const logs = new ServiceLogGroup(stack, 'Logs');
      return [logs.logGroupName, logs.logGroupArn];
    });
    expect(name).toMatch(/^\$\{aws_cloudwatch_log_group\.\w+\.name\}$/);
    expect(arn).toMatch(/^\$\{aws_cloudwatch_log_group\.\w+\.arn\}$/);
  });

  describe('rejects bad input before creating anything', () => {
    test.each([0, 2, 10, 366, -1])('unsupported retentionDays %p', (retentionDays) => {
      const stack = newStack();
      expect(() => new ServiceLogGroup(stack, 'Logs', { retentionDays }))
        .toThrow(/Invalid retentionDays: .*one of the values CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, .*3653\./);
      expect(stack.node.findChild('Logs').node.children).toHaveLength(0);
    });

    test.each(['', 'has space', 'a:b'])('malformed name %p', (name) => {
      expect(() => new ServiceLogGroup(newStack(), 'Logs', { name })).toThrow(/Invalid name: .*1 to 512 characters/);
    });

    test('a KMS alias instead of a key ARN', () => {
      expect(() => new ServiceLogGroup(newStack(), 'Logs', { kmsKeyArn: 'alias/logs' })).toThrow(/Invalid kmsKeyArn: /);
    });
  });
});
