// Bad input through the pattern: every error names the prop as the user of
// ZeroTrustFargateService wrote it, and leaves nothing in the stack.
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { FargateCluster, ValidationErrors, ZeroTrustFargateService, ZeroTrustFargateServiceProps } from '../../src';
import { newStack, onlyResource, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

const BASE = PATTERN_PROPS;

/** The error of building the pattern with `overrides`, and what is left of it in the stack. */
function failure(overrides: Partial<ZeroTrustFargateServiceProps>): { error: any; leftovers: number } {
  const stack = newStack();
  let error: any;
  try {
    new ZeroTrustFargateService(stack, 'admin', { ...BASE, ...overrides });
  } catch (e) {
    error = e;
  }
  return { error, leftovers: stack.node.findAll().filter((c) => c.node.path.includes('/admin')).length };
}

const app = BASE.app;
const access = BASE.access;

describe('errors name the prop as written', () => {
  test.each<[string, Partial<ZeroTrustFargateServiceProps>, string, RegExp]>([
    ['a URL as hostname', { hostname: 'https://admin.example.com' }, 'hostname', /"https:\/\/admin\.example\.com"\. Expected a fully qualified lower-case DNS name/],
    ['a hostname with a path', { hostname: 'admin.example.com/x' }, 'hostname', /"admin\.example\.com\/x"/],
    ['an upper-case hostname', { hostname: 'Admin.example.com' }, 'hostname', /"Admin\.example\.com"/],
    ['a wildcard hostname', { hostname: '*.example.com' }, 'hostname', /"\*\.example\.com"/],
    ['an empty hostname', { hostname: '' }, 'hostname', /""/],
    ['a hostname outside zoneName', { hostname: 'admin.other.com' }, 'hostname', /Expected "example\.com" or a name ending in "\.example\.com"/],
    ['an upper-case zoneName, with a zone as the example', { zoneName: 'Example.com' }, 'zoneName', /"Example\.com"\. Expected a fully qualified .*e\.g\. "example\.com"/],
    ['port 0', { app: { ...app, port: 0 } }, 'app.port', /0\. Expected a whole number from 1 to 65535/],
    ['port 70000', { app: { ...app, port: 70000 } }, 'app.port', /70000\./],
    ['a fractional port', { app: { ...app, port: 8080.5 } }, 'app.port', /8080\.5\./],
    ['an empty application name', { access: { ...access, applicationName: '' } }, 'access.applicationName', /""/],
    ['an application name that is not a string', { access: { ...access, applicationName: null as any } }, 'access.applicationName', /null/],
    ['a Fargate CPU that does not exist', { service: { cpu: 300 } }, 'service.cpu', /300\. Fargate accepts/],
    ['memory that does not fit the CPU', { service: { cpu: 256, memory: 100 } }, 'service.memory', /100\./],
    ['a short account id', { cloudflareAccountId: 'abc' }, 'cloudflareAccountId', /"abc"\. Expected a Cloudflare id/],
    ['a short zone id', { cloudflareZoneId: 'abc' }, 'cloudflareZoneId', /"abc"/],
    ['auto-redirect with two identity providers', { access: { ...access, allowedIdentityProviderIds: ['a', 'b'], autoRedirectToIdentity: true } }, 'access.autoRedirectToIdentity', /true\./],
    ['a cluster name with spaces', { cluster: { name: 'bad name!' } }, 'cluster.name', /"bad name!"/],
    ['a log retention CloudWatch does not offer', { service: { logRetentionDays: 2 } }, 'service.logRetentionDays', /2\. Expected one of the values CloudWatch Logs accepts/],
    ['a negative task count', { service: { desiredCount: -1 } }, 'service.desiredCount', /-1\./],
    ['a session of one day', { access: { ...access, sessionDuration: '1d' } }, 'access.sessionDuration', /"1d"/],
    ['a logo over http', { access: { ...access, logoUrl: 'http://example.com/logo.png' } }, 'access.logoUrl', /https/],
    ['a reserved parameter name', { credential: { parameterName: 'aws/x' } }, 'credential.parameterName', /"aws\/x"/],
    ['a VPC block that is too large', { network: { cidrBlock: '10.0.0.0/8' } }, 'network.cidrBlock', /"10\.0\.0\.0\/8"/],
    ['a team domain as team name', { zeroTrustTeamName: 'acme.cloudflareaccess.com' }, 'zeroTrustTeamName', /team name only/],
    ['no port', { app: { image: app.image } as any }, 'app.port', /undefined\. Expected the port the app listens on/],
    ['a NaN port', { app: { ...app, port: NaN } }, 'app.port', /NaN\. Expected a whole number/],
    ['an allow entry that is not a rule', { access: { allow: [undefined as any] } }, 'access.allow[0]', /Expected an AccessRule made by one of its static factories/],
    ['a zero session', { access: { ...access, sessionDuration: '0h' } }, 'access.sessionDuration', /greater than zero/],
  ])('%s', (_case, overrides, property, message) => {
    const { error, leftovers } = failure(overrides);
    expect(ValidationErrors.isValidationError(error)).toBe(true);
    expect(ValidationErrors.propertyOf(error)).toBe(property);
    expect(error.message.startsWith(`Invalid ${property}: `)).toBe(true);
    expect(error.message).toMatch(message);
    expect(error.name).toBe('ValidationError');
    // Nothing of the half-built construct stays in the stack.
    expect(leftovers).toBe(0);
  });

  test('other errors are not input errors', () => {
    expect(ValidationErrors.isValidationError(new Error('boom'))).toBe(false);
    expect(ValidationErrors.propertyOf(new Error('boom'))).toBeUndefined();
    expect(ValidationErrors.propertyOf('not an error')).toBeUndefined();
  });
});

describe('existing parts of the wrong type, as plain JavaScript passes them, are named as written', () => {
  test.each<[string, any, string, RegExp]>([
    ['a cluster ARN as existingCluster', { existingCluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/apps' }, 'existingCluster',
      /"arn:aws:ecs:eu-west-1:123456789012:cluster\/apps"\. Expected ExistingCluster\.fromArn/],
    ['ExistingNetwork\'s props as existingNetwork', { existingNetwork: { vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'] } },
      'existingNetwork', /Expected new ExistingNetwork\(\{ vpcId, subnetIds \}\)/],
    ['a VPC id as existingNetwork', { existingNetwork: 'vpc-0123456789abcdef0' }, 'existingNetwork', /"vpc-0123456789abcdef0"\. Expected new ExistingNetwork/],
    ['a parameter name as existingCredential', { existingCredential: '/cloudflared/admin/tunnel-token' }, 'existingCredential',
      /"\/cloudflared\/admin\/tunnel-token"\. Expected TunnelCredentialParameter\.fromExisting/],
  ])('%s', (_case, overrides, property, message) => {
    const { error, leftovers } = failure(overrides);
    expect(ValidationErrors.propertyOf(error)).toBe(property);
    expect(error.message).toMatch(message);
    expect(leftovers).toBe(0);
  });
});

describe('tokens pass through', () => {
  test('a number token as app.port becomes a reference in the ingress rule and the container', () => {
    const { doc } = synth((stack) => {
      const port = new TerraformVariable(stack, 'port', { type: 'number' });
      new ZeroTrustFargateService(stack, 'admin', { ...BASE, app: { ...app, port: port.numberValue } });
    });
    expect(onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0].service).toBe('http://localhost:${var.port}');
    expect(JSON.stringify(onlyResource(doc, 'aws_ecs_task_definition').container_definitions)).toContain('var.port');
  });

  test('string tokens for ids and the hostname are not checked', () => {
    const { doc } = synth((stack) => {
      const text = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
      new ZeroTrustFargateService(stack, 'admin', {
        ...BASE, cloudflareAccountId: text('account'), cloudflareZoneId: text('zone'), hostname: text('hostname'), zoneName: text('zone_name'),
      });
    });
    expect(onlyResource(doc, 'cloudflare_dns_record').name).toBe('${var.hostname}');
  });
});

describe('a FargateCluster of another stack', () => {
  test('is used without a depends_on the service stack could not resolve', () => {
    const stack = newStack();
    const other = new TerraformStack(stack.node.scope as any, 'shared');
    const cluster = new FargateCluster(other, 'cluster', { name: 'shared' });
    new ZeroTrustFargateService(stack, 'admin', { ...BASE, existingCluster: cluster });
    const service = JSON.parse(Testing.synth(stack)).resource.aws_ecs_service;
    expect(JSON.stringify(Object.values<any>(service)[0].depends_on ?? [])).not.toContain('aws_ecs_cluster_capacity_providers');
  });
});
