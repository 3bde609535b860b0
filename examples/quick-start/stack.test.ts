// Tests of the quick start's stack, written the way you test your own (see
// docs/testing.md): a snapshot of the synthesized Terraform JSON, and
// assertions with cdktf's jest matchers on the facts that must not change by
// accident: where the tunnel sends traffic, who Access lets in, and that the
// tasks run in private subnets. Put it next to stack.ts and run `npx jest`.
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { ZeroTrustAccessApplication } from '@cdktf/provider-cloudflare/lib/zero-trust-access-application';
import { ZeroTrustAccessPolicy } from '@cdktf/provider-cloudflare/lib/zero-trust-access-policy';
import { ZeroTrustTunnelCloudflaredConfigA } from '@cdktf/provider-cloudflare/lib/zero-trust-tunnel-cloudflared-config';
import { Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest'; // types of cdktf's matchers (toHaveResourceWithProperties, ...)
import { PinnedVersions } from 'cdktf-zero-trust-fargate';
import { AdminPanelStack } from './stack';

Testing.setupJest(); // adds cdktf's matchers to expect()

const synthesized = Testing.synth(new AdminPanelStack(Testing.app(), 'admin-panel'));
const doc = JSON.parse(synthesized);

/** The resources of one Terraform type, by logical id. */
function resourcesOf(type: string): Record<string, any> {
  return doc.resource[type] ?? {};
}

/** The resource that a reference such as `${aws_subnet.<id>.id}` points to. */
function referenced(reference: string): any {
  const [, type, id] = /^\$\{([a-z0-9_]+)\.([^.]+)\.[a-z0-9_]+\}$/.exec(reference) ?? [];
  const resource = resourcesOf(type ?? '')[id ?? ''];
  if (resource === undefined) throw new Error(`${reference} is not a reference to a resource of this stack`);
  return resource;
}

test('the synthesized stack matches the snapshot', () => {
  expect(synthesized).toMatchSnapshot();
});

test('the hostname is a proxied CNAME to the tunnel', () => {
  expect(synthesized).toHaveResourceWithProperties(DnsRecord, {
    name: 'admin.example.com',
    type: 'CNAME',
    proxied: true,
    content: expect.stringMatching(/\.cfargotunnel\.com$/),
  });
});

test('the tunnel sends the hostname to the app port, and nothing else anywhere', () => {
  expect(synthesized).toHaveResourceWithProperties(ZeroTrustTunnelCloudflaredConfigA, {
    config: {
      ingress: [
        // The origin also checks the Access token of every request.
        expect.objectContaining({
          hostname: 'admin.example.com',
          service: 'http://localhost:80',
          origin_request: expect.objectContaining({ access: expect.objectContaining({ required: true }) }),
        }),
        { service: 'http_status:404' },
      ],
    },
  });
});

test('Access lets in the example.com email domain, and nobody else', () => {
  expect(synthesized).toHaveResourceWithProperties(ZeroTrustAccessPolicy, {
    decision: 'allow',
    include: [{ email_domain: { domain: 'example.com' } }],
  });
  // That policy is the only one, and the application in front of the hostname uses it.
  const policyIds = Object.keys(resourcesOf('cloudflare_zero_trust_access_policy'));
  expect(policyIds).toHaveLength(1);
  expect(synthesized).toHaveResourceWithProperties(ZeroTrustAccessApplication, {
    domain: 'admin.example.com',
    policies: [{ id: `\${cloudflare_zero_trust_access_policy.${policyIds[0]}.id}`, precedence: 1 }],
  });
});

test('the service runs in private subnets: no public IP, default route through a NAT gateway', () => {
  expect(synthesized).toHaveResourceWithProperties(EcsService, {
    network_configuration: expect.objectContaining({ assign_public_ip: false }),
  });
  // Task subnet ids are references, `${aws_route_table_association.<id>.subnet_id}`
  // (so the service waits for the subnet's routes): follow each to its subnet and routes.
  const [service] = Object.values(resourcesOf('aws_ecs_service'));
  expect(service.network_configuration.subnets).toHaveLength(2);
  for (const subnet of service.network_configuration.subnets) {
    const association = referenced(subnet);
    expect(referenced(association.subnet_id)).toMatchObject({ map_public_ip_on_launch: false });
    expect(synthesized).toHaveResourceWithProperties(Route, {
      route_table_id: association.route_table_id,
      destination_cidr_block: '0.0.0.0/0',
      nat_gateway_id: expect.stringMatching(/^\$\{aws_nat_gateway\./),
    });
    expect(synthesized).not.toHaveResourceWithProperties(Route, {
      route_table_id: association.route_table_id,
      gateway_id: expect.anything(), // an internet gateway would make the subnet public
    });
  }
  expect(synthesized).not.toHaveResourceWithProperties(Subnet, { map_public_ip_on_launch: true });
});

test('the sidecar runs the cloudflared release this library pins', () => {
  // container_definitions is a jsonencode() expression: the image is a string in it.
  expect(synthesized).toHaveResourceWithProperties(EcsTaskDefinition, {
    container_definitions: expect.stringContaining(`"image" = "cloudflare/cloudflared:${PinnedVersions.CLOUDFLARED}"`),
  });
});
