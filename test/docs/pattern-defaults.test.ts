// The `@default` of every option of ZeroTrustFargateService says what the construct does when the
// option is left out; this test holds the doc comments to the synthesized output. Every literal
// default (`@default 256`, `@default CpuArchitecture.X86_64`) must have a check here, so a new
// option, or a changed default, fails until someone looks at both. Descriptive defaults that name
// values (`- 1, or ...`, `- 10.0.0.0/16 ...`) are checked by the text they must contain.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import { AwsAlertTarget, ZeroTrustFargateService } from '../../src';
import { newStack } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

const OPTION_FILES = ['src/pattern/options.ts', 'src/pattern/zero-trust-fargate-service.ts'];

/** Every interface of `src`: what it extends, and the text after `@default` of each member it declares. */
function interfaces(): Map<string, { bases: string[]; members: Map<string, string> }> {
  const found = new Map<string, { bases: string[]; members: Map<string, string> }>();
  const root = join(__dirname, '..', '..', 'src');
  const files = readdirSync(root, { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const body of source.matchAll(/^export interface (\w+)(?: extends ([\w, ]+))?\s*\{([\s\S]*?)^\}/gm)) {
      const members = new Map<string, string>();
      for (const member of body[3].matchAll(/\/\*\*([\s\S]*?)\*\/\s*readonly (\w+)\??:/g)) {
        const tag = /@default\s+([\s\S]*?)(?=\n\s*\*\s*@|\s*$)/.exec(member[1]);
        if (tag) {
          members.set(member[2], tag[1].replace(/\n\s*\*\s*/g, ' ').trim());
        }
      }
      found.set(body[1], { bases: (body[2] ?? '').split(',').map((base) => base.trim()).filter((base) => base !== ''), members });
    }
  }
  return found;
}

/**
 * `Interface.prop` -> the text after `@default`, from the doc comments of the pattern's props,
 * including those of the shared structs they extend (e.g. `TunnelServiceTuningOptions`).
 */
function documentedDefaults(): Map<string, string> {
  const all = interfaces();
  const inherited = (name: string): Map<string, string> => {
    const own = all.get(name);
    return new Map([...(own?.bases ?? []).flatMap((base) => [...inherited(base)]), ...(own?.members ?? [])]);
  };
  const defaults = new Map<string, string>();
  for (const file of OPTION_FILES) {
    const source = readFileSync(join(__dirname, '..', '..', file), 'utf8');
    for (const body of source.matchAll(/^export interface (\w+)/gm)) {
      for (const [member, text] of inherited(body[1])) {
        defaults.set(`${body[1]}.${member}`, text);
      }
    }
  }
  return defaults;
}

// The pattern with every option left out (alerts need a target to exist at all).
const stack = newStack();
new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, alerts: { aws: AwsAlertTarget.email('ops@example.com') } });
const doc = JSON.parse(Testing.synth(stack));
const all = (type: string): any[] => Object.values(doc.resource[type] ?? {});
const only = (type: string): any => {
  expect(all(type)).toHaveLength(1);
  return all(type)[0];
};

/** The same with one path application, for the options of `access.paths`. */
function pathApplication(): any {
  const pathStack = newStack();
  new ZeroTrustFargateService(pathStack, 'admin', {
    ...PATTERN_PROPS,
    access: { ...PATTERN_PROPS.access, paths: [{ path: '/api', allow: PATTERN_PROPS.access.allow }] },
  });
  const apps = Object.values<any>(JSON.parse(Testing.synth(pathStack)).resource.cloudflare_zero_trust_access_application);
  return apps.find((app) => app.domain === 'admin.example.com/api');
}

/** What each literal default must be in the output. */
const LITERAL: Record<string, [string, () => unknown]> = {
  'ZeroTrustAccessOptions.autoRedirectToIdentity': ['false', () => only('cloudflare_zero_trust_access_application').auto_redirect_to_identity],
  'ZeroTrustAccessOptions.sessionDuration': ["'24h'", () => `'${only('cloudflare_zero_trust_access_application').session_duration}'`],
  'ZeroTrustAccessOptions.appLauncherVisible': ['true', () => only('cloudflare_zero_trust_access_application').app_launcher_visible],
  // Inherited from AccessApplicationClientOptions: unset, the provider's default applies, which is false.
  'ZeroTrustAccessOptions.serviceAuth401': ['false', () => only('cloudflare_zero_trust_access_application').service_auth_401_redirect ?? false],
  'ZeroTrustAccessOptions.skipInterstitial': ['false', () => only('cloudflare_zero_trust_access_application').skip_interstitial ?? false],
  'ZeroTrustAccessPathOptions.serviceAuth401': ['false', () => pathApplication().service_auth_401_redirect ?? false],
  'ZeroTrustCredentialOptions.format': ['TunnelCredentialFormat.TOKEN',
    () => (JSON.stringify(only('aws_ecs_task_definition').container_definitions).includes('TUNNEL_TOKEN') ? 'TunnelCredentialFormat.TOKEN' : 'other')],
  'ZeroTrustCredentialOptions.encryption': ['CredentialEncryption.dedicatedKey()',
    () => (/^\$\{aws_kms_key\.\w+\.arn\}$/.test(only('aws_ssm_parameter').key_id) ? 'CredentialEncryption.dedicatedKey()' : 'other')],
  'ZeroTrustClusterOptions.containerInsights': ['ContainerInsights.DISABLED',
    () => `ContainerInsights.${String(only('aws_ecs_cluster').setting[0].value).toUpperCase()}`],
  'ZeroTrustServiceOptions.cpu': ['256', () => Number(only('aws_ecs_task_definition').cpu)],
  'ZeroTrustServiceOptions.cpuArchitecture': ['CpuArchitecture.X86_64',
    () => `CpuArchitecture.${only('aws_ecs_task_definition').runtime_platform.cpu_architecture}`],
  'ZeroTrustServiceOptions.capacityProviderStrategy': ['CapacityProviderStrategy.fargate()',
    () => (JSON.stringify(only('aws_ecs_service').capacity_provider_strategy) === JSON.stringify([{ capacity_provider: 'FARGATE', weight: 100 }])
      ? 'CapacityProviderStrategy.fargate()' : 'other')],
  'ZeroTrustServiceOptions.logRetentionDays': ['30', () => only('aws_cloudwatch_log_group').retention_in_days],
  'ZeroTrustServiceOptions.enableExecuteCommand': ['false', () => only('aws_ecs_service').enable_execute_command],
  'ZeroTrustAlertOptions.alarmAfterMinutes': ['5', () => {
    const alarm = all('aws_cloudwatch_metric_alarm').find((a) => a.alarm_name.endsWith('-no-running-task'));
    return (alarm.period * alarm.evaluation_periods) / 60;
  }],
  'ZeroTrustFargateServiceProps.dangerouslyDisableOriginAccessCheck': ['false',
    () => only('cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0].origin_request.access.required === false],
};

/** Descriptive defaults: the words they must contain, and the output that proves them. */
const DESCRIBED: Array<[string, string, () => unknown, unknown]> = [
  ['ZeroTrustServiceOptions.memory', '512 for 256', () => only('aws_ecs_task_definition').memory, '512'],
  ['ZeroTrustServiceOptions.desiredCount', '1, or `autoscaling.minCapacity`', () => only('aws_ecs_service').desired_count, 1],
  ['ZeroTrustFargateServiceProps.service', '0.25 vCPU / 512 MiB, one task on FARGATE',
    () => [only('aws_ecs_task_definition').cpu, only('aws_ecs_task_definition').memory, only('aws_ecs_service').desired_count,
      only('aws_ecs_service').capacity_provider_strategy[0].capacity_provider], ['256', '512', 1, 'FARGATE']],
  ['ZeroTrustFargateServiceProps.network', '10.0.0.0/16 over two availability zones with one shared NAT gateway',
    () => [only('aws_vpc').cidr_block, new Set(all('aws_subnet').map((s) => s.availability_zone)).size, all('aws_nat_gateway').length],
    ['10.0.0.0/16', 2, 1]],
  ['ZeroTrustFargateServiceProps.name', '`<stack id>-<construct id>`', () => only('aws_ecs_service').name, 'test-admin'],
  ['ZeroTrustFargateServiceProps.outputPrefix', '`terraform output url`', () => doc.output.url.value, 'https://admin.example.com'],
  ['ZeroTrustAccessOptions.applicationName', 'the service name', () => only('cloudflare_zero_trust_access_application').name, 'test-admin'],
  ['ZeroTrustClusterOptions.name', 'the service name', () => only('aws_ecs_cluster').name, 'test-admin'],
];

const defaults = documentedDefaults();

test('the doc comments are read: the pattern has documented defaults', () => {
  expect(defaults.size).toBeGreaterThan(40);
});

test('every literal @default of the pattern\'s options has a check here', () => {
  const literal = [...defaults].filter(([, text]) => !text.startsWith('-')).map(([name]) => name).sort();
  expect(literal).toEqual(Object.keys(LITERAL).sort());
});

test.each(Object.entries(LITERAL))('%s: the documented default is what synthesizes', (name, [expected, actual]) => {
  expect(defaults.get(name)).toBe(expected);
  expect(String(actual())).toBe(expected.replace(/^'(.*)'$/, "'$1'"));
});

test.each(DESCRIBED)('%s: the default says "%s", and the output agrees', (name, words, actual, expected) => {
  expect(defaults.get(name)).toContain(words);
  expect(actual()).toEqual(expected);
});
