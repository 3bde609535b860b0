// Errors raised inside a nested value name the prop path the user wrote, for each value type of the
// pattern whose factory checks its arguments (images, secrets, capacity strategies, alert targets,
// egress rules).
import {
  AwsAlertTarget, CapacityProviderStrategy, CloudflareAlertTarget, ContainerImage, ContainerSecret, ValidationErrors, ZeroTrustFargateService,
  ZeroTrustFargateServiceProps,
} from '../../src';
import { newStack } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

function errorOf(overrides: Partial<ZeroTrustFargateServiceProps>): any {
  const stack = newStack();
  try {
    new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, ...overrides });
  } catch (error) {
    expect(stack.node.tryFindChild('admin')).toBeUndefined(); // nothing left behind
    return error;
  }
  throw new Error('expected an error');
}

const APP = PATTERN_PROPS.app;

test.each<[string, Partial<ZeroTrustFargateServiceProps>, string, RegExp]>([
  ['a secret in app.secrets', { app: { ...APP, secrets: { DB_PASSWORD: ContainerSecret.fromSsmParameter('/app/db') } } },
    'app.secrets.DB_PASSWORD', /^Invalid app\.secrets\.DB_PASSWORD: "\/app\/db"\. Expected an SSM parameter ARN.* Given to ContainerSecret\.fromSsmParameter\(parameterArn\)\.$/],
  ['a secret\'s option', {
    app: { ...APP, secrets: { API_KEY: ContainerSecret.fromSecretsManager('arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf', { jsonKey: 'a:b' }) } },
  }, 'app.secrets.API_KEY', /^Invalid app\.secrets\.API_KEY: "a:b"\..* Given to ContainerSecret\.fromSecretsManager\(jsonKey\)\.$/],
  ['the app image', { app: { ...APP, image: ContainerImage.fromRegistry('nginx') } },
    'app.image', /^Invalid app\.image: "nginx"\..* Given to ContainerImage\.fromRegistry\(reference\)\.$/],
  ['the sidecar image', { service: { sidecar: { image: ContainerImage.cloudflared('2024.1.0') } } },
    'service.sidecar.image', /^Invalid service\.sidecar\.image: "2024\.1\.0"\. Expected release .* Given to ContainerImage\.cloudflared\(version\)\.$/],
  ['the metrics agent image', { service: { sidecar: { metrics: { agentImage: ContainerImage.fromRegistry('amazon/cloudwatch-agent:latest') } } } },
    'service.sidecar.metrics.agentImage', /^Invalid service\.sidecar\.metrics\.agentImage: "amazon\/cloudwatch-agent:latest"\./],
  ['the capacity provider strategy', { service: { capacityProviderStrategy: CapacityProviderStrategy.mixed({ fargateWeight: -1, fargateSpotWeight: 1 }) } },
    'service.capacityProviderStrategy', /^Invalid service\.capacityProviderStrategy: -1\..* Given to CapacityProviderStrategy\.mixed\(fargateWeight\)\.$/],
  ['the AWS alert target', { alerts: { aws: AwsAlertTarget.email('ops') } },
    'alerts.aws', /^Invalid alerts\.aws: "ops"\..* Given to AwsAlertTarget\.email\(address\)\.$/],
  ['the Cloudflare alert target', { alerts: { cloudflare: CloudflareAlertTarget.webhook('https://hooks.example.com/x') } },
    'alerts.cloudflare', /^Invalid alerts\.cloudflare: "https:\/\/hooks\.example\.com\/x"\..* Given to CloudflareAlertTarget\.webhook\(webhookId\)\.$/],
  ['an egress rule', { service: { egressRules: [{ description: 'edge', protocol: 'tcp', fromPort: 70000 }] } },
    'service.egressRules[0].fromPort', /^Invalid service\.egressRules\[0\]\.fromPort: 70000\./],
])('%s', (_what, overrides, property, message) => {
  const error = errorOf(overrides);
  expect(ValidationErrors.propertyOf(error)).toBe(property);
  expect(error.message).toMatch(message);
});

test('a factory with bad arguments does not throw where it is called: the construct that receives the value does', () => {
  expect(() => ContainerSecret.fromSsmParameter('/app/db')).not.toThrow();
  expect(() => ContainerImage.fromRegistry('nginx')).not.toThrow();
});
