// One tunnel carries at most 25 cloudflared replicas, and a rolling deploy runs old and new tasks side by
// side (maximum 200%): a service may run at most 12 tasks.
import { TerraformVariable } from 'cdktf';
import { serviceProps } from './fixtures';
import { TunnelFargateService, TunnelFargateServiceProps } from '../../src/service';
import { newStack, onlyResource, synth } from '../helpers';

const attempt = (overrides: Partial<TunnelFargateServiceProps>) => () => new TunnelFargateService(newStack(), 'web', serviceProps(overrides));

describe('the tunnel replica limit', () => {
  test('12 tasks fit: twice that during a deploy stays within 25 replicas', () => {
    const { doc } = synth((stack) => new TunnelFargateService(stack, 'web', serviceProps({ desiredCount: 12 })));
    const service = onlyResource(doc, 'aws_ecs_service');
    expect(service.desired_count).toBe(12);
    expect(service.deployment_maximum_percent * service.desired_count / 100).toBeLessThanOrEqual(25);
  });

  test('autoscaling up to 12 tasks fits', () => {
    expect(attempt({ autoscaling: { minCapacity: 2, maxCapacity: 12 } })).not.toThrow();
  });

  test('a desired count above 12 fails, naming the prop and the reason', () => {
    expect(attempt({ desiredCount: 13 })).toThrow(
      /^Invalid desiredCount: 13\. Expected at most 12 tasks: Cloudflare accepts 25 cloudflared replicas per tunnel \(4 connections each\), and a rolling deploy runs old and new tasks side by side/);
  });

  test('an autoscaling maximum above 12 fails, naming the prop', () => {
    expect(attempt({ autoscaling: { minCapacity: 1, maxCapacity: 25 } })).toThrow(/^Invalid autoscaling\.maxCapacity: 25\. Expected at most 12 tasks/);
  });

  test('a number token passes (Terraform decides)', () => {
    const { doc } = synth((stack) => {
      const count = new TerraformVariable(stack, 'count', { type: 'number' }).numberValue;
      new TunnelFargateService(stack, 'web', serviceProps({ desiredCount: count }));
    });
    expect(onlyResource(doc, 'aws_ecs_service').desired_count).toBe('${var.count}');
  });
});
