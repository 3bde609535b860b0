// The platform rules of docs/constraints.md as code, checked on the synthesized JSON of a stack.
// Each rule returns the problems it finds (empty when the stack satisfies it); the ids are the
// catalogue's. Only platform rules: who gets in through Access is tested elsewhere.
import { resources } from '../helpers';
import { decodeJsonencode } from '../service/decode';

/** A broken rule: the catalogue id and what is wrong. */
export interface Violation {
  readonly rule: string;
  readonly problem: string;
}

type Rule = (doc: any) => string[];

const FARGATE_MEMORY: Record<string, (memory: number) => boolean> = {
  256: (m) => [512, 1024, 2048].includes(m),
  512: (m) => m >= 1024 && m <= 4096 && m % 1024 === 0,
  1024: (m) => m >= 2048 && m <= 8192 && m % 1024 === 0,
  2048: (m) => m >= 4096 && m <= 16384 && m % 1024 === 0,
  4096: (m) => m >= 8192 && m <= 30720 && m % 1024 === 0,
  8192: (m) => m >= 16384 && m <= 61440 && m % 4096 === 0,
  16384: (m) => m >= 32768 && m <= 122880 && m % 8192 === 0,
};

const EDGE_PORT = 7844;
const TUNNEL_STATUSES = ['TUNNEL_STATUS_TYPE_HEALTHY', 'TUNNEL_STATUS_TYPE_DEGRADED', 'TUNNEL_STATUS_TYPE_DOWN'];

function taskDefinitions(doc: any): any[] {
  return Object.values(resources(doc, 'aws_ecs_task_definition'));
}

function containers(taskDefinition: any): any[] {
  return decodeJsonencode(taskDefinition.container_definitions);
}

function sidecar(taskDefinition: any): any {
  return containers(taskDefinition).find((c) => c.name === 'cloudflared');
}

function env(container: any, name: string): string | undefined {
  return (container.environment ?? []).find((e: any) => e.name === name)?.value;
}

function services(doc: any): any[] {
  return Object.values(resources(doc, 'aws_ecs_service'));
}

function usesSpot(service: any): boolean {
  return (service.capacity_provider_strategy ?? []).some((s: any) => s.capacity_provider === 'FARGATE_SPOT' && (s.weight > 0 || (s.base ?? 0) > 0));
}

/** Egress rules of the task security groups (not the endpoints' group). */
function taskEgress(doc: any): any[] {
  return Object.values<any>(resources(doc, 'aws_security_group'))
    .filter((group) => !/endpoints/.test(group.name_prefix ?? group.name ?? ''))
    .flatMap((group) => group.egress ?? []);
}

function allows(rule: any, protocol: 'tcp' | 'udp', family: 'ipv4' | 'ipv6'): boolean {
  const protocolOk = rule.protocol === '-1' || rule.protocol === protocol || rule.protocol === (protocol === 'tcp' ? '6' : '17');
  const portOk = rule.protocol === '-1' || (rule.from_port <= EDGE_PORT && EDGE_PORT <= rule.to_port);
  const blocks = family === 'ipv4' ? rule.cidr_blocks : rule.ipv6_cidr_blocks;
  return protocolOk && portOk && (blocks ?? []).length > 0;
}

export const RULES: Record<string, Rule> = {
  // Fargate: task CPU and memory come from one row of the Task CPU and memory table.
  'FARGATE-SIZE': (doc) => taskDefinitions(doc)
    .filter((td) => !FARGATE_MEMORY[td.cpu]?.(Number(td.memory)))
    .map((td) => `cpu ${td.cpu} with memory ${td.memory}`),

  // Fargate: a container's stopTimeout is at most 120 seconds.
  'FARGATE-STOP-TIMEOUT': (doc) => taskDefinitions(doc).flatMap(containers)
    .filter((c) => c.stopTimeout !== undefined && c.stopTimeout > 120)
    .map((c) => `${c.name} stopTimeout ${c.stopTimeout}`),

  // Fargate Spot: the sidecar's and the app's stop must fit in the 120 s interruption notice.
  'SPOT-STOP-NOTICE': (doc) => services(doc).filter(usesSpot).flatMap(() => taskDefinitions(doc)).flatMap((td) => {
    const list = containers(td);
    const total = (sidecar(td).stopTimeout ?? 30) + (list.find((c) => c.name !== 'cloudflared' && c.name !== 'cloudwatch-agent')?.stopTimeout ?? 30);
    return total > 120 ? [`sidecar + app stopTimeout ${total} > 120 with FARGATE_SPOT`] : [];
  }),

  // ECS: ARM64 (on Fargate and Fargate Spot) needs platform version 1.4.0 or later (LATEST).
  'ARM64-PLATFORM': (doc) => {
    const arm = taskDefinitions(doc).some((td) => td.runtime_platform?.cpu_architecture === 'ARM64');
    return arm ? services(doc).filter((s) => s.platform_version !== undefined && !/^(LATEST|1\.4\.\d+|1\.[5-9]\.\d+)$/.test(s.platform_version))
      .map((s) => `platform_version ${s.platform_version} with ARM64`) : [];
  },

  // ECS: a capacity provider strategy names only providers associated with the cluster, and the
  // service waits for the association (a cluster made in the stack).
  'CAPACITY-PROVIDERS': (doc) => {
    const associations = Object.values<any>(resources(doc, 'aws_ecs_cluster_capacity_providers'));
    if (associations.length === 0) {
      return [];
    }
    const offered = new Set(associations.flatMap((a) => a.capacity_providers));
    return services(doc).flatMap((s) => [
      ...(s.capacity_provider_strategy ?? []).filter((item: any) => !offered.has(item.capacity_provider))
        .map((item: any) => `${item.capacity_provider} is not associated with the cluster`),
      ...((s.depends_on ?? []).some((d: string) => d.startsWith('aws_ecs_cluster_capacity_providers.')) ? [] : ['service does not wait for the cluster\'s capacity providers']),
    ]);
  },

  // AWS provider: changing capacity_provider_strategy in place needs force_new_deployment.
  'STRATEGY-FORCE-NEW': (doc) => services(doc)
    .filter((s) => s.capacity_provider_strategy !== undefined && s.force_new_deployment !== true)
    .map(() => 'capacity_provider_strategy without force_new_deployment'),

  // Fargate networking: a task in a public subnet needs a public IP to reach the internet; a task
  // behind a NAT gateway gets none.
  'PUBLIC-IP': (doc) => {
    if (Object.keys(resources(doc, 'aws_vpc')).length === 0) {
      return [];
    }
    const nat = Object.keys(resources(doc, 'aws_nat_gateway')).length > 0;
    return services(doc).filter((s) => s.network_configuration.assign_public_ip !== !nat)
      .map((s) => `assign_public_ip ${s.network_configuration.assign_public_ip} ${nat ? 'behind a NAT gateway' : 'in public subnets'}`);
  },

  // cloudflared: the edge is reached on port 7844 (QUIC over UDP, HTTP/2 over TCP), over the IP
  // version cloudflared is told to use; IPv6 only has no IPv4 fallback.
  'EDGE-EGRESS': (doc) => taskDefinitions(doc).flatMap((td) => {
    const container = sidecar(td);
    const version = env(container, 'TUNNEL_EDGE_IP_VERSION');
    const protocol = env(container, 'TUNNEL_TRANSPORT_PROTOCOL');
    const families: Array<'ipv4' | 'ipv6'> = version === '6' ? ['ipv6'] : ['ipv4'];
    const protocols: Array<'tcp' | 'udp'> = protocol === 'quic' ? ['udp'] : protocol === 'http2' ? ['tcp'] : ['udp', 'tcp'];
    const egress = taskEgress(doc);
    return families.flatMap((family) => protocols.filter((p) => !egress.some((rule) => allows(rule, p, family)))
      .map((p) => `no ${family} ${p} ${EDGE_PORT} egress for edge IP version ${version}, protocol ${protocol}`));
  }),

  // cloudflared IPv6 only never connects from the library's IPv4-only PrivateNetwork.
  'EDGE-IPV6-NETWORK': (doc) => {
    const ipv6Only = taskDefinitions(doc).some((td) => env(sidecar(td), 'TUNNEL_EDGE_IP_VERSION') === '6');
    const ipv4OnlyVpc = Object.values<any>(resources(doc, 'aws_vpc')).some((vpc) => vpc.assign_generated_ipv6_cidr_block !== true);
    return ipv6Only && ipv4OnlyVpc ? ['TUNNEL_EDGE_IP_VERSION 6 in an IPv4-only VPC'] : [];
  },

  // cloudflared: the credential reaches it as TUNNEL_TOKEN (`tunnel run`) or TUNNEL_CRED_CONTENTS
  // (`tunnel run <tunnel-id>`).
  'CREDENTIAL-FORM': (doc) => taskDefinitions(doc).flatMap((td) => {
    const container = sidecar(td);
    const secret = container.secrets?.[0]?.name;
    const command = container.command ?? [];
    if (secret === 'TUNNEL_TOKEN') {
      return command.join(' ') === 'tunnel run' ? [] : [`TUNNEL_TOKEN with command ${command.join(' ')}`];
    }
    if (secret === 'TUNNEL_CRED_CONTENTS') {
      return command.length === 3 && command[2] ? [] : [`TUNNEL_CRED_CONTENTS without a tunnel id: ${command.join(' ')}`];
    }
    return [`unknown credential secret ${secret}`];
  }),

  // cloudflared: `tunnel ready` (2024.11.1+) asks the metrics server, which must listen where it looks;
  // the image has no shell, so the health check uses the exec form.
  'SIDECAR-HEALTH': (doc) => taskDefinitions(doc).flatMap((td) => {
    const container = sidecar(td);
    const command = container.healthCheck?.command ?? [];
    const metrics = env(container, 'TUNNEL_METRICS');
    const ok = command[0] === 'CMD' && command.includes('ready') && command[command.indexOf('--metrics') + 1] === metrics;
    return ok ? [] : [`health check ${JSON.stringify(command)} with TUNNEL_METRICS ${metrics}`];
  }),

  // cloudflared: the grace period is capped at 3 minutes; the sidecar's stop timeout leaves it time.
  'GRACE-PERIOD': (doc) => taskDefinitions(doc).flatMap((td) => {
    const container = sidecar(td);
    const grace = Number(/^(\d+)s$/.exec(env(container, 'TUNNEL_GRACE_PERIOD') ?? '')?.[1]);
    return Number.isNaN(grace) || grace > 180 || container.stopTimeout <= grace ? [`grace ${grace}s, stopTimeout ${container.stopTimeout}`] : [];
  }),

  // Cloudflare: at most 25 replicas per tunnel, so at most 12 tasks with a 200% rolling deploy.
  'TUNNEL-REPLICAS': (doc) => services(doc)
    .filter((s) => s.desired_count > 12 || s.deployment_maximum_percent > 200)
    .map((s) => `desired_count ${s.desired_count}, maximum percent ${s.deployment_maximum_percent}`),

  // The metrics agent shares the task's loopback: not essential, and the app does not take port 2000.
  'METRICS-AGENT': (doc) => taskDefinitions(doc).flatMap((td) => {
    const list = containers(td);
    const agent = list.find((c) => c.name === 'cloudwatch-agent');
    if (agent === undefined) {
      return [];
    }
    return [
      ...(agent.essential === false ? [] : ['the metrics agent is essential']),
      ...list.filter((c) => (c.portMappings ?? []).some((p: any) => p.containerPort === 2000)).map((c) => `${c.name} maps port 2000`),
    ];
  }),

  // Cloudflare: a tunnel_health_event policy names the tunnel and the statuses it reports.
  'TUNNEL-HEALTH-FILTER': (doc) => Object.values<any>(resources(doc, 'cloudflare_notification_policy'))
    .filter((p) => p.alert_type === 'tunnel_health_event')
    .filter((p) => (p.filters?.tunnel_id ?? []).length !== 1 || JSON.stringify(p.filters?.new_status) !== JSON.stringify(TUNNEL_STATUSES))
    .map((p) => `filters ${JSON.stringify(p.filters)}`),

  // VPC endpoints: interface endpoints answer on 443 to the VPC, under the service's own DNS name.
  'VPC-ENDPOINTS': (doc) => {
    const endpoints = Object.values<any>(resources(doc, 'aws_vpc_endpoint')).filter((e) => e.vpc_endpoint_type === 'Interface');
    const groups = Object.values<any>(resources(doc, 'aws_security_group')).filter((g) => /endpoints/.test(g.name_prefix ?? ''));
    return [
      ...endpoints.filter((e) => e.private_dns_enabled !== true).map((e) => `${e.service_name} without private DNS`),
      ...(endpoints.length > 0 && !groups.some((g) => (g.ingress ?? []).some((r: any) => r.from_port <= 443 && r.to_port >= 443))
        ? ['no endpoint security group ingress on 443'] : []),
    ];
  },

  // cloudflared: the ingress list ends with a catch-all rule, and every rule reaches the app in the task.
  'INGRESS-CATCH-ALL': (doc) => Object.values<any>(resources(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config')).flatMap((c) => {
    const ingress = c.config.ingress;
    const last = ingress[ingress.length - 1];
    return [
      ...(last.hostname === undefined && last.path === undefined ? [] : ['the last ingress rule is not a catch-all']),
      // A rule answering with a status (the refusal of unsafe paths) reaches no origin.
      ...ingress.slice(0, -1).filter((r: any) => !/^http:\/\/localhost:\d+$/.test(r.service) && !/^http_status:\d{3}$/.test(r.service))
        .map((r: any) => `ingress to ${r.service}`),
    ];
  }),
};

/** Every rule the document breaks. */
export function violations(doc: any): Violation[] {
  return Object.entries(RULES).flatMap(([rule, check]) => check(doc).map((problem) => ({ rule, problem })));
}
