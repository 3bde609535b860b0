import { TerraformStack } from 'cdktf';
import { AccessAudience } from './access-audience';
import { evaluateApplication, OptIn, Way } from './internal/access-model';
import { DocumentApplication, readStackDocument, StackDocument } from './internal/stack-document';

/** One way into a URL, or for `DENY`, one group turned away, in evaluation order. */
export interface AccessReportWay {
  /** The policy's decision: `allow`, `deny`, `non_identity` or `bypass`. */
  readonly decision: string;

  /** The policy's name, or `existing policy <id>` for one made elsewhere. */
  readonly policy: string;

  /** Who this way admits (for `DENY`: who it turns away). */
  readonly audience: AccessAudience;

  /** The conditions, readable, e.g. `email domain example.com and IP 203.0.113.0/24`. */
  readonly who: string;

  /** Whether a person must log in through an identity provider (only `ALLOW` asks). */
  readonly loginRequired: boolean;

  /**
   * For the open audiences: whether the opt-in that accepts it is recorded
   * in the output (`allowEveryoneWhoCanLogIn`, `dangerouslyBypassAuthentication`,
   * `dangerouslyPublishWithoutAccess`). True for every other audience.
   */
  readonly confirmed: boolean;

  /**
   * Why an open way reaches anyone, e.g. `a login method on its own (anyone with an email address)`.
   *
   * @default - none, for the audiences that are not open
   */
  readonly openBecause?: string;
}

/** Who gets in at one URL: a hostname, or a path with an application of its own. */
export interface AccessReportUrl {
  /** The URL, e.g. `https://admin.example.com` or `https://admin.example.com/api`. */
  readonly url: string;

  /**
   * The name of the Access application in front of it.
   *
   * @default - none: no Access application of the document covers the URL
   */
  readonly application?: string;

  /**
   * Whether cloudflared checks the Access token of this application at the origin.
   *
   * @default - not known: the document has no tunnel route for the URL
   */
  readonly originChecksToken?: boolean;

  /** The ways in, in Cloudflare's evaluation order. */
  readonly ways: AccessReportWay[];

  /** What the model found wrong (a DENY that shadows every ALLOW, a path without its hostname's DENY, ...). */
  readonly problems: string[];
}

/**
 * Who gets in, read from what Terraform will apply: the synthesized JSON of
 * a stack (`cdktf.out/stacks/<stack>/cdk.tf.json`), so escape hatches and
 * hand edits count. For each URL (each Access application's domains, and
 * each tunnel route none of them covers) it lists, in Cloudflare's
 * evaluation order, every policy's decision and who it admits, using the
 * same Access model as the constructs' own checks.
 *
 * The command `npx cdktf-zero-trust-fargate access-report <stack folder or
 * cdk.tf.json>` prints it (`--json` as data, `--fail-on-open` to gate CI).
 *
 * @example
 * import { AccessReport } from 'cdktf-zero-trust-fargate';
 *
 * declare const synthesized: string; // the text of cdk.tf.json, e.g. from Testing.fullSynth
 *
 * const report = AccessReport.fromSynthesizedJson(synthesized);
 * const text = report.toText(); // who gets in at each URL, for people
 * const open = report.openWithoutOptIn(); // a CI gate: fail when it is not empty
 * const refused = report.problems(); // configurations the constructs refuse
 */
export class AccessReport {
  /**
   * The report of a synthesized stack document.
   *
   * @param json the text of `cdk.tf.json`
   */
  public static fromSynthesizedJson(json: string): AccessReport {
    return new AccessReport(readStackDocument(JSON.parse(json)));
  }

  /**
   * The report of a stack in a test, from its Terraform configuration
   * (with the `//` notes in which the library records opt-ins, which
   * `Testing.synth` leaves out).
   *
   * @param stack the stack, after its constructs are added
   */
  public static fromStack(stack: TerraformStack): AccessReport {
    return new AccessReport(readStackDocument(stack.toTerraform()));
  }

  /** Who gets in, URL by URL. */
  public readonly urls: AccessReportUrl[];

  private constructor(document: StackDocument) {
    this.urls = [...document.applications.flatMap((application) => applicationUrls(document, application)), ...unguardedUrls(document)];
  }

  /**
   * The ways in that admit anyone who can log in, anyone without login, or
   * any service token of the account, without the matching opt-in recorded
   * in the output, as `<url>: <policy> (<audience>)`.
   */
  public openWithoutOptIn(): string[] {
    return this.urls.flatMap((url) => url.ways.filter((way) => !way.confirmed).map((way) => `${url.url}: ${way.policy} (${way.audience})`));
  }

  /** What the model finds wrong, as `<url>: <problem>` (the configurations the constructs refuse). */
  public problems(): string[] {
    return this.urls.flatMap((url) => url.problems.map((problem) => `${url.url}: ${problem}`));
  }

  /** The ways in that the configuration does not show (policies, groups or applications made elsewhere), as `<url>: <policy>`. */
  public unknown(): string[] {
    return this.urls.flatMap((url) => url.ways.filter((way) => way.audience === AccessAudience.UNKNOWN).map((way) => `${url.url}: ${way.policy}`));
  }

  /** The report as text, for people. */
  public toText(): string {
    const lines: string[] = [];
    for (const url of this.urls) {
      const origin = url.originChecksToken === undefined ? '' : url.originChecksToken ? ', origin checks its token' : ', origin checks NO token';
      lines.push(`${url.url}  (${url.application === undefined ? 'no Access application' : `Access application "${url.application}"`}${origin})`);
      url.ways.forEach((way, i) => {
        const login = way.loginRequired ? 'login required' : 'no login';
        const flag = way.confirmed ? '' : '  <-- OPEN, no opt-in recorded';
        lines.push(`  ${i + 1}. ${way.decision.toUpperCase()} ${JSON.stringify(way.policy)}: ${way.audience} (${login}): ${way.who}`
          + `${way.openBecause ? `; ${way.openBecause}` : ''}${flag}`);
      });
      if (url.ways.length === 0) {
        lines.push('  nobody gets in');
      }
      url.problems.forEach((problem) => lines.push(`  problem: ${problem}`));
    }
    const open = this.openWithoutOptIn();
    lines.push('', open.length === 0 ? 'Open without opt-in: none.' : `Open without opt-in: ${open.join('; ')}.`);
    return `${lines.join('\n')}\n`;
  }

  /** The report as JSON text, for tools. */
  public toJson(): string {
    return `${JSON.stringify({ urls: this.urls, openWithoutOptIn: this.openWithoutOptIn(), problems: this.problems(), unknown: this.unknown() }, undefined, 2)}\n`;
  }
}

/** `${cloudflare_x.name.id}` -> `cloudflare_x.name`, for people. */
function readable(text: string): string {
  return text.replace(/\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}/g, '$1');
}

function reportWay(decision: string, policy: string, way: Way, optIns: readonly string[]): AccessReportWay {
  // Every BYPASS skips Access altogether: it needs its opt-in whoever it matches.
  const needs = decision === 'bypass' ? OptIn.BYPASS : way.audience === AccessAudience.ANYONE_WHO_CAN_LOG_IN ? OptIn.EVERYONE_WHO_CAN_LOG_IN
    : way.audience === AccessAudience.ANY_SERVICE_TOKEN ? OptIn.EVERY_SERVICE_TOKEN
      : way.audience === AccessAudience.ANYONE_WITHOUT_LOGIN ? (decision === 'bypass' ? OptIn.BYPASS : 'none possible') : undefined;
  return {
    decision,
    policy,
    audience: way.audience,
    who: readable(way.shown),
    loginRequired: decision === 'allow',
    // A DENY only turns people away: nothing to confirm.
    confirmed: decision === 'deny' || needs === undefined || optIns.includes(needs),
    openBecause: way.openBecause,
  };
}

function applicationUrls(document: StackDocument, application: DocumentApplication): AccessReportUrl[] {
  const verdict = evaluateApplication(application.policies, document.context);
  const ways = verdict.policies.flatMap((policy) => policy.ways.map((way) =>
    reportWay(policy.policy.decision, policy.policy.name, way, policy.policy.optIns)));
  const problems = verdict.problems.map((problem) => problem.message);
  return application.domains.map((domain) => {
    const slash = domain.indexOf('/');
    const host = slash === -1 ? domain : domain.slice(0, slash);
    const routes = document.routes.filter((route) => route.hostname === host || (host.startsWith('*.') && route.hostname.endsWith(host.slice(1))));
    const aud = `\${${application.address}.aud}`;
    // For a path: the application of the whole hostname (or of a wildcard above it), whose DENY policies apply here too.
    const coversHost = (other: string) => other === host || (other.startsWith('*.') && !other.includes('/') && host.endsWith(other.slice(1)));
    const hostnameApplication = slash === -1 ? undefined
      : document.applications.find((other) => other !== application && other.domains.some(coversHost));
    const missingDenies = hostnameApplication?.denyIds.filter((id) => !application.policyIds.includes(id)) ?? [];
    return {
      url: `https://${domain}`,
      application: application.name,
      originChecksToken: routes.length === 0 ? undefined : routes.some((route) => route.audTags.includes(aud)),
      ways,
      problems: [
        ...problems,
        ...(missingDenies.length > 0 ? [`lacks the DENY policies of ${hostnameApplication!.name} (${missingDenies.map(readable).join(', ')})`] : []),
      ],
    };
  });
}

/** Tunnel routes to an origin that no Access application of the document covers. */
function unguardedUrls(document: StackDocument): AccessReportUrl[] {
  const covered = (hostname: string) => document.applications.some((application) => application.domains.some((domain) =>
    domain === hostname || (domain.startsWith('*.') && hostname.endsWith(domain.slice(1)))));
  const seen = new Set<string>();
  return document.routes.filter((route) => !route.service.startsWith('http_status:') && (route.hostname === '*' || !covered(route.hostname))).flatMap((route) => {
    if (seen.has(route.hostname)) {
      return [];
    }
    seen.add(route.hostname);
    const elsewhere = route.audTags.length > 0;
    const way: AccessReportWay = elsewhere
      ? { decision: 'allow', policy: 'Access application managed elsewhere', audience: AccessAudience.UNKNOWN, who: `tokens for AUD ${route.audTags.map(readable).join(', ')}`, loginRequired: true, confirmed: true }
      : { decision: 'bypass', policy: 'no Access application', audience: AccessAudience.ANYONE_WITHOUT_LOGIN, who: 'everyone', loginRequired: false, confirmed: route.publishedWithoutAccess, openBecause: 'the tunnel routes it with no Access application' };
    // A rule without a hostname serves every hostname whose DNS points at the tunnel.
    return [{ url: `https://${route.hostname}`, originChecksToken: elsewhere, ways: [way], problems: [] }];
  });
}
