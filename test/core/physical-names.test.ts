// Two constructs of one stack never get the same physical name.
import { TerraformVariable } from 'cdktf';
import { CloudflareTunnel, EcrRepository, FargateCluster, TunnelCredentialParameter, ZeroTrustFargateService, ZeroTrustFargateServiceProps } from '../../src';
import { newStack } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

const BASE: ZeroTrustFargateServiceProps = { ...PATTERN_PROPS, zoneName: undefined };

describe('two services in one stack', () => {
  test('with the same hostname fail on the second, naming both constructs', () => {
    const stack = newStack();
    new ZeroTrustFargateService(stack, 'one', BASE);
    expect(() => new ZeroTrustFargateService(stack, 'two', BASE)).toThrow(
      /^Invalid hostname: "admin\.example\.com"\. The Access application domain name is already taken in this stack by test\/one\/access; test\/two\/access needs another one/);
  });

  test('with the same name fail on the second, naming both constructs', () => {
    const stack = newStack();
    new ZeroTrustFargateService(stack, 'one', { ...BASE, name: 'admin' });
    expect(() => new ZeroTrustFargateService(stack, 'two', { ...BASE, hostname: 'other.example.com', name: 'admin' })).toThrow(
      /^Invalid name: "admin"\. The Cloudflare Tunnel name is already taken in this stack by test\/one\/tunnel; test\/two\/tunnel/);
  });

  test('with their default names, different hostnames and an output prefix build side by side', () => {
    const stack = newStack();
    new ZeroTrustFargateService(stack, 'one', BASE);
    expect(() => new ZeroTrustFargateService(stack, 'two', { ...BASE, hostname: 'other.example.com', outputPrefix: 'two' })).not.toThrow();
  });

  test('without an output prefix the second fails, naming outputPrefix and both constructs, and leaves nothing behind', () => {
    const stack = newStack();
    new ZeroTrustFargateService(stack, 'one', BASE);
    expect(() => new ZeroTrustFargateService(stack, 'two', { ...BASE, hostname: 'other.example.com' })).toThrow(
      /^Invalid outputPrefix: undefined\. The Terraform output "service_name" is already written by test\/one\/service\/service-name; test\/two\/service must write its outputs under other names: set outputPrefix on one of them\.$/);
    expect(stack.node.tryFindChild('two')).toBeUndefined();
  });

  test('a failed build frees its names for the next attempt', () => {
    const stack = newStack();
    expect(() => new ZeroTrustFargateService(stack, 'one', { ...BASE, service: { cpu: 300 } })).toThrow(/service\.cpu/);
    expect(() => new ZeroTrustFargateService(stack, 'one', BASE)).not.toThrow();
  });
});

describe('building blocks', () => {
  test('two tunnels routing one hostname in one zone', () => {
    const stack = newStack();
    const tunnel = (id: string) => new CloudflareTunnel(stack, id, {
      cloudflareAccountId: '0123456789abcdef0123456789abcdef',
      cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
      name: id,
      ingress: [{ hostname: 'app.example.com', service: 'http://localhost:8080', dangerouslyPublishWithoutAccess: true }],
    });
    tunnel('a');
    expect(() => tunnel('b')).toThrow(/^Invalid ingress\[0\]\.hostname: "app\.example\.com"\. The DNS record \(zone fedcba9876543210fedcba9876543210\) name is already taken in this stack by test\/a; test\/b/);
  });

  test.each<[string, (stack: any, id: string) => unknown, RegExp]>([
    ['ECS cluster', (stack, id) => new FargateCluster(stack, id, { name: 'apps' }), /Invalid name: "apps"\. The ECS cluster name is already taken in this stack by test\/a; test\/b/],
    ['ECR repository', (stack, id) => new EcrRepository(stack, id, { name: 'admin' }), /Invalid name: "admin"\. The ECR repository name/],
    ['SSM parameter', (stack, id) => new TunnelCredentialParameter(stack, id, { value: new TerraformVariable(stack, `${id}-value`, { sensitive: true }).stringValue, name: '/cloudflared/admin' }),
      /Invalid name: "\/cloudflared\/admin"\. The SSM parameter name/],
  ])('two %s with one name', (_kind, build, message) => {
    const stack = newStack();
    build(stack, 'a');
    expect(() => build(stack, 'b')).toThrow(message);
  });

  test('names that are tokens cannot be compared and pass', () => {
    const stack = newStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
    new FargateCluster(stack, 'a', { name });
    expect(() => new FargateCluster(stack, 'b', { name })).not.toThrow();
  });
});
