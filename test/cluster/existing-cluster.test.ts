import { TerraformOutput, TerraformVariable } from 'cdktf';
import { ExistingCluster } from '../../src';
import { newStack, synth } from '../helpers';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:cluster/shared-apps';

describe('ExistingCluster', () => {
  test('fromArn takes the name from the ARN without a lookup', () => {
    const cluster = ExistingCluster.fromArn(ARN);
    expect(cluster.clusterArn).toBe(ARN);
    expect(cluster.clusterName).toBe('shared-apps');
  });

  test('fromArn accepts other partitions', () => {
    expect(ExistingCluster.fromArn('arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/gov_1').clusterName).toBe('gov_1');
  });

  test('fromArn with a token leaves the name to Terraform', () => {
    const { doc } = synth(stack => {
      const arn = new TerraformVariable(stack, 'arn', { type: 'string' });
      const cluster = ExistingCluster.fromArn(arn.stringValue);
      new TerraformOutput(stack, 'name', { value: cluster.clusterName });
    });
    expect(doc.output.name.value).toBe('${element(split("/", var.arn), 1)}');
  });

  test('fromName looks up the ARN with the aws_ecs_cluster data source', () => {
    const { doc } = synth(stack => {
      const cluster = ExistingCluster.fromName(stack, 'cluster', 'shared-apps');
      expect(cluster.clusterName).toBe('shared-apps');
      new TerraformOutput(stack, 'arn', { value: cluster.clusterArn });
    });
    const lookups = Object.entries(doc.data.aws_ecs_cluster) as [string, any][];
    expect(lookups).toHaveLength(1);
    expect(lookups[0][1].cluster_name).toBe('shared-apps');
    expect(doc.output.arn.value).toBe(`\${data.aws_ecs_cluster.${lookups[0][0]}.arn}`);
  });

  describe('bad input', () => {
    test.each([
      'shared-apps',
      'arn:aws:ecs:eu-west-1:123456789012:service/shared-apps/web',
      'arn:aws:ecs:eu-west-1:1234:cluster/shared-apps',
      'arn:aws:ecs:eu-west-1:123456789012:cluster/bad name',
    ])('malformed cluster ARN %p', arn => {
      expect(() => ExistingCluster.fromArn(arn)).toThrow(/Invalid clusterArn: .*Expected an ECS cluster ARN/);
    });

    test('malformed cluster name', () => {
      expect(() => ExistingCluster.fromName(newStack(), 'cluster', 'shared apps')).toThrow(/Invalid clusterName: "shared apps"\. Expected 1 to 255 letters/);
    });
  });
});
