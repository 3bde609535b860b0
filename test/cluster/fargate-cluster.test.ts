import { TerraformOutput, Testing } from 'cdktf';
import { ContainerInsights, FargateCapacityProvider, FargateCluster, FargateClusterProps, ICluster } from '../../src';
import { newStack, onlyResource, synth } from '../helpers';

/** Synthesizes one FargateCluster. */
function cluster(props: Partial<FargateClusterProps> = {}) {
  let built: FargateCluster | undefined;
  const result = synth(stack => {
    built = new FargateCluster(stack, 'cluster', { name: 'app', ...props });
  });
  return { ...result, cluster: built! };
}

describe('FargateCluster', () => {
  test('snapshot: defaults', () => {
    expect(cluster().json).toMatchSnapshot();
  });

  test('attaches the FARGATE and FARGATE_SPOT capacity providers to the cluster', () => {
    const { doc } = cluster();
    const providers = onlyResource(doc, 'aws_ecs_cluster_capacity_providers');
    expect(providers.capacity_providers).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(providers.cluster_name).toMatch(/^\$\{aws_ecs_cluster\.[^.]+\.name\}$/);
  });

  test('the default capacity provider strategy is FARGATE', () => {
    const providers = onlyResource(cluster().doc, 'aws_ecs_cluster_capacity_providers');
    expect(providers.default_capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE', weight: 1 }]);
  });

  test('FARGATE_SPOT can be the default', () => {
    const providers = onlyResource(cluster({ defaultCapacityProvider: FargateCapacityProvider.FARGATE_SPOT }).doc, 'aws_ecs_cluster_capacity_providers');
    expect(providers.default_capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE_SPOT', weight: 1 }]);
  });

  test('Container Insights is written as disabled unless asked for', () => {
    expect(onlyResource(cluster().doc, 'aws_ecs_cluster').setting).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
  });

  test.each([
    [ContainerInsights.ENABLED, 'enabled'],
    [ContainerInsights.ENHANCED, 'enhanced'],
    [ContainerInsights.DISABLED, 'disabled'],
  ])('Container Insights %s', (containerInsights, value) => {
    expect(onlyResource(cluster({ containerInsights }).doc, 'aws_ecs_cluster').setting).toEqual([{ name: 'containerInsights', value }]);
  });

  test('name and tags go to the cluster; name and ARN refer to it', () => {
    const { doc } = synth(stack => {
      const built: ICluster = new FargateCluster(stack, 'cluster', { name: 'my_app-1', tags: { Team: 'web' } });
      new TerraformOutput(stack, 'name', { value: built.clusterName });
      new TerraformOutput(stack, 'arn', { value: built.clusterArn });
    });
    const [logicalId, resource] = Object.entries(doc.resource.aws_ecs_cluster)[0] as [string, any];
    expect(resource.name).toBe('my_app-1');
    expect(resource.tags).toEqual({ Team: 'web' });
    expect(doc.output.name.value).toBe(`\${aws_ecs_cluster.${logicalId}.name}`);
    expect(doc.output.arn.value).toBe(`\${aws_ecs_cluster.${logicalId}.arn}`);
  });

  describe('bad input', () => {
    test.each(['', 'my app', 'app.prod', 'a'.repeat(256)])('cluster name %p', name => {
      expect(() => cluster({ name })).toThrow(/Invalid name: .*Expected 1 to 255 letters, digits, hyphens and underscores/);
    });

    test('unknown Container Insights level', () => {
      expect(() => cluster({ containerInsights: 'on' as ContainerInsights })).toThrow(/Invalid containerInsights: "on"\. Expected one of disabled, enabled, enhanced/);
    });

    test('unknown default capacity provider', () => {
      expect(() => cluster({ defaultCapacityProvider: 'EC2' as FargateCapacityProvider }))
        .toThrow(/Invalid defaultCapacityProvider: "EC2"\. Expected one of FARGATE, FARGATE_SPOT/);
    });

    test('validation happens before any resource is created', () => {
      const stack = newStack();
      expect(() => new FargateCluster(stack, 'cluster', { name: 'bad name' })).toThrow(/name/);
      expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
    });
  });
});
