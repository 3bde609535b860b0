import { requireApplicationDomains, requireUuid } from './internal/value-checks';
import { invalid, isToken, requireText } from '../core/validation';

/**
 * A Cloudflare Access application that a tunnel route can be checked against:
 * an `AccessApplication` of this stack, or an
 * `ExistingAccessApplication` managed elsewhere.
 */
export interface IAccessApplication {
  /** The application's id. */
  readonly applicationId: string;

  /**
   * The application's audience (AUD) tag: the `aud` claim of the Access
   * tokens it issues, which `cloudflared` checks at the origin.
   */
  readonly aud: string;

  /** The hostnames (optionally with a path) the application protects, primary first. */
  readonly domains: string[];
}

/** Attributes of an Access application created outside this stack. */
export interface ExistingAccessApplicationProps {
  /** The application's id (a UUID). */
  readonly applicationId: string;

  /**
   * The application's Application Audience (AUD) tag: 64 hexadecimal
   * characters, shown in the dashboard under the application's Basic
   * information, or the `aud` attribute of its Terraform resource.
   * Nothing checks it against the application: a wrong AUD tag fails closed,
   * and `cloudflared` answers every request, logged in or not, with a 403.
   */
  readonly aud: string;

  /**
   * The hostnames (optionally with a path or a `*.` wildcard label) the
   * application protects, as they are set on it. A tunnel route given this
   * application must lie under one of them.
   */
  readonly domains: string[];
}

/** An Access AUD tag: 64 lower-case hexadecimal characters. */
const AUD_TAG = /^[0-9a-f]{64}$/;

/**
 * An Access application created elsewhere: in the dashboard, by another stack
 * or by a central team (for example one wildcard application in front of many
 * services). Give it to a tunnel ingress rule's `accessApplication`, or to the
 * pattern's `access.existingApplication`, and `cloudflared` accepts only
 * requests carrying a valid Access token of that application.
 *
 * Nothing of it is in this stack, so nothing here can wait for it: the
 * application and its policies must already cover the hostname before the
 * route is first applied. Until they do, the origin check turns every request
 * away (there is no token for `aud` yet), so a gap fails closed.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessRule, ContainerImage, ExistingAccessApplication, ZeroTrustFargateService } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * // One wildcard application, made by a central team, in front of every internal app.
 * const internalApps = ExistingAccessApplication.fromAttributes({
 *   applicationId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
 *   aud: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
 *   domains: ['*.internal.example.com'],
 * });
 * new ZeroTrustFargateService(stack, 'admin', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
 *   hostname: 'admin.internal.example.com',
 *   app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
 *   access: { existingApplication: internalApps },
 * });
 */
export class ExistingAccessApplication implements IAccessApplication {
  /**
   * Refers to an application by its attributes. Nothing is looked up.
   *
   * @param props the id, AUD tag and domains of the application
   */
  public static fromAttributes(props: ExistingAccessApplicationProps): ExistingAccessApplication {
    requireUuid('applicationId', props.applicationId, 'the id of the Access application');
    requireText('aud', props.aud);
    if (!isToken(props.aud) && !AUD_TAG.test(props.aud)) {
      invalid('aud', props.aud,
        'Expected the Application Audience (AUD) tag: 64 lower-case hexadecimal characters (not the application id).');
    }
    requireApplicationDomains('domains', props.domains);
    return new ExistingAccessApplication(props.applicationId, props.aud, [...props.domains]);
  }

  /** The application's id. */
  public readonly applicationId: string;

  /** The application's AUD tag. */
  public readonly aud: string;

  /** The hostnames the application protects. */
  public readonly domains: string[];

  private constructor(applicationId: string, aud: string, domains: string[]) {
    this.applicationId = applicationId;
    this.aud = aud;
    this.domains = domains;
  }
}
