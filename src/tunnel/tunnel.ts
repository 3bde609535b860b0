import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { ZeroTrustTunnelCloudflared } from '@cdktf/provider-cloudflare/lib/zero-trust-tunnel-cloudflared';
import { ZeroTrustTunnelCloudflaredConfigA } from '@cdktf/provider-cloudflare/lib/zero-trust-tunnel-cloudflared-config';
import { Password } from '@cdktf/provider-random/lib/password';
import { Fn, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { TunnelIngressRule } from './ingress';
import { distinctHostnames, toIngressConfig } from './internal/ingress-mapping';
import { RouteAccess } from './internal/route-access';
import { credentialsJson, sensitive, tunnelToken } from './internal/tunnel-credentials';
import { requireRoutesGuarded, validateTunnelProps } from './internal/validate-tunnel-props';
import { noteInOutput } from '../core/output-notes';
import { claimPhysicalName, PHYSICAL_NAME_KIND } from '../core/physical-names';
import { wasChecked } from '../core/prop-path';
import { isToken } from '../core/validation';

/** Properties of a `CloudflareTunnel`. */
export interface CloudflareTunnelProps {
  /** Cloudflare account id (32 hexadecimal characters) that owns the tunnel. */
  readonly cloudflareAccountId: string;

  /** Id of the Cloudflare zone (32 hexadecimal characters) that gets the DNS records. */
  readonly cloudflareZoneId: string;

  /**
   * Name of the zone, e.g. `example.com`. When given, every ingress hostname
   * must lie in it, which catches a hostname meant for another zone.
   *
   * @default - hostnames are not checked against the zone
   */
  readonly zoneName?: string;

  /** Tunnel name shown in the Cloudflare dashboard. */
  readonly name: string;

  /**
   * Ingress rules, tried in order. A catch-all rule answering 404 is always
   * appended, so other hostnames never reach an origin.
   */
  readonly ingress: TunnelIngressRule[];

  /**
   * Any string. Change it to rotate the tunnel secret. It is kept in the
   * random secret's `keepers`, so a new value makes Terraform generate a new
   * secret, update the tunnel and change `tunnelToken` and `credentialsJson`.
   * Running `cloudflared` replicas keep their connections until restarted:
   * `TunnelFargateService` redeploys by itself when its credential parameter
   * changes; after a leak, also remove the tunnel's stale connections
   * (`cloudflared tunnel cleanup <id>`).
   *
   * @default - the secret is generated once and never rotated
   */
  readonly secretRotationKey?: string;

  /**
   * Zero Trust team name (the `<team>` of `<team>.cloudflareaccess.com`) for
   * the origin Access check of rules that have an `accessApplication`.
   *
   * @default - read from the account: the `auth_domain` of the
   * `cloudflare_zero_trust_organization` data source (the API token then
   * needs "Access: Organizations, Identity Providers, and Groups: Read")
   */
  readonly zeroTrustTeamName?: string;

  /**
   * Whether to create a proxied CNAME record to the tunnel for each distinct
   * hostname. Turn off when the records are managed elsewhere.
   *
   * @default true
   */
  readonly createDnsRecords?: boolean;
}

/**
 * A remotely managed Cloudflare Tunnel with its ingress configuration and
 * DNS records.
 *
 * Creates a random tunnel secret (base64 of 32 bytes, never a literal), the
 * tunnel with `config_src = "cloudflare"`, one ingress rule per hostname and
 * path followed by a catch-all 404, and a proxied CNAME per hostname to
 * `<tunnel-id>.cfargotunnel.com`. A rule given its `accessApplication` fails
 * closed: `cloudflared` checks the application's Access tokens, and the
 * ingress configuration and DNS record wait for the application and its
 * policies. Exposes the tunnel token and the
 * credentials JSON as sensitive values for `cloudflared` to run with.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessApplication, CloudflareTunnel } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 * declare const application: AccessApplication; // covers admin.example.com
 *
 * const tunnel = new CloudflareTunnel(stack, 'tunnel', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
 *   name: 'admin-panel',
 *   ingress: [{ hostname: 'admin.example.com', service: 'http://localhost:8080', accessApplication: application }],
 * });
 * // Give tunnel.tunnelToken to a TunnelCredentialParameter for the cloudflared sidecar.
 */
export class CloudflareTunnel extends Construct {
  /** Id (UUID) of the tunnel. */
  public readonly tunnelId: string;

  /** Name of the tunnel. */
  public readonly tunnelName: string;

  /** Target of the hostnames' CNAME records: `<tunnel-id>.cfargotunnel.com`. */
  public readonly cnameTarget: string;

  /** The distinct public hostnames routed through the tunnel, in rule order. */
  public readonly hostnames: string[];

  /**
   * The token `cloudflared tunnel run` accepts in `TUNNEL_TOKEN`: base64 of
   * `{"a": account id, "t": tunnel id, "s": tunnel secret}`. Sensitive:
   * store it in a secret store (e.g. an SSM SecureString), never in plain
   * environment variables or outputs.
   */
  public readonly tunnelToken: string;

  /**
   * Contents of the tunnel credentials file, `{"AccountTag", "TunnelSecret",
   * "TunnelID"}`, which `cloudflared tunnel run <tunnel-id>` accepts in
   * `TUNNEL_CRED_CONTENTS`. Sensitive, like `tunnelToken`.
   */
  public readonly credentialsJson: string;

  /** The tunnel resource. */
  public readonly tunnel: ZeroTrustTunnelCloudflared;

  /** The tunnel's remotely managed configuration (ingress rules). */
  public readonly config: ZeroTrustTunnelCloudflaredConfigA;

  /** The CNAME records, one per distinct hostname. Empty when `createDnsRecords` is false. */
  public readonly dnsRecords: DnsRecord[];

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the CloudflareTunnel, described by `CloudflareTunnelProps`.
   */
  constructor(scope: Construct, id: string, props: CloudflareTunnelProps) {
    super(scope, id);
    if (!wasChecked(props)) {
      validateTunnelProps(props);
    } else {
      // Checked by the construct that made these props; the Access guards of the routes run here all the same.
      requireRoutesGuarded(props);
    }
    claimPhysicalName(this, PHYSICAL_NAME_KIND.tunnel, props.name, 'name');
    if (props.createDnsRecords ?? true) {
      props.ingress.forEach((rule, i) => {
        if (props.ingress.findIndex((other) => other.hostname === rule.hostname) === i) {
          claimPhysicalName(this, PHYSICAL_NAME_KIND.dnsRecord(props.cloudflareZoneId), rule.hostname, `ingress[${i}].hostname`);
        }
      });
    }

    const tunnelSecret = this.createTunnelSecret(props.secretRotationKey);

    this.tunnel = new ZeroTrustTunnelCloudflared(this, 'Tunnel', {
      accountId: props.cloudflareAccountId,
      name: props.name,
      // Ingress comes from the config resource below, not from a file next to cloudflared.
      configSrc: 'cloudflare',
      tunnelSecret: sensitive(tunnelSecret),
    });
    this.tunnelId = this.tunnel.id;
    this.tunnelName = props.name;
    this.cnameTarget = `${this.tunnelId}.cfargotunnel.com`;
    this.hostnames = distinctHostnames(props.ingress);

    const access = new RouteAccess(this, props);
    this.config = new ZeroTrustTunnelCloudflaredConfigA(this, 'Config', {
      accountId: props.cloudflareAccountId,
      tunnelId: this.tunnelId,
      config: { ingress: toIngressConfig(access.enforcedRules) },
      // No route before the Access applications (and their policies) that guard it.
      dependsOn: access.guardsOfAllRoutes(),
      lifecycle: access.teamNamePreconditions(),
    });

    // What the access report must know of routes that skip Access or its check at the origin.
    const withOptIn = (flag: (rule: TunnelIngressRule) => boolean | undefined) =>
      distinctHostnames(props.ingress.filter((rule) => flag(rule) === true));
    const unguarded = withOptIn((rule) => rule.dangerouslyPublishWithoutAccess);
    const unchecked = withOptIn((rule) => rule.dangerouslyDisableOriginAccessCheck);
    if (unguarded.length > 0) {
      noteInOutput(this.config, 'published_without_access', unguarded);
    }
    if (unchecked.length > 0) {
      noteInOutput(this.config, 'origin_check_disabled', unchecked);
    }

    const identity = { accountId: props.cloudflareAccountId, tunnelId: this.tunnelId, tunnelSecret };
    this.tunnelToken = tunnelToken(identity);
    this.credentialsJson = credentialsJson(identity);

    this.dnsRecords = (props.createDnsRecords ?? true)
      ? this.hostnames.map((hostname, index) => this.createCname(props.cloudflareZoneId, hostname, index, access.guardsOf(hostname)))
      : [];
  }

  /**
   * A random secret as base64 of 32 bytes (the SHA-256 of a random password),
   * which meets provider v5's rule for `tunnel_secret`. The rotation key sits
   * in `keepers`, so changing it regenerates the password.
   */
  private createTunnelSecret(rotationKey: string | undefined): string {
    const password = new Password(this, 'Secret', {
      length: 64,
      special: false,
      keepers: rotationKey === undefined ? undefined : { rotation: rotationKey },
    });
    return Fn.base64sha256(password.result);
  }

  /** A proxied CNAME from the hostname to the tunnel; ttl 1 means "automatic". */
  private createCname(zoneId: string, hostname: string, index: number, guards: TerraformResource[]): DnsRecord {
    // Ids from the hostname keep records stable when rules are reordered.
    const id = isToken(hostname) ? `Cname${index}` : `Cname-${hostname}`;
    return new DnsRecord(this, id, {
      zoneId,
      name: hostname,
      type: 'CNAME',
      content: this.cnameTarget,
      proxied: true,
      ttl: 1,
      // The hostname resolves only once Access covers it.
      dependsOn: guards.length > 0 ? guards : undefined,
    });
  }
}
