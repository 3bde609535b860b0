/**
 * Reads what Terraform will apply (a synthesized `cdk.tf.json`) into the
 * Access model's terms: applications with their policies in precedence
 * order, the groups and identity providers they refer to, and the tunnel
 * routes in front of them. Hand edits and escape hatches count, since the
 * document is what is read. Internal.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- reads synthesized Terraform JSON of any shape; each field is checked before use. */
import { ModelContext, ModelGroup, ModelPolicy, RuleLists, Selector } from './access-model';
import { OUTPUT_NOTE_KEY } from '../../core/output-notes';

/** An Access application of the document. */
export interface DocumentApplication {
  readonly address: string;
  readonly name: string;
  readonly domains: string[];
  readonly policies: ModelPolicy[];
  /** Ids of its DENY policies, to compare a path's application with its hostname's. */
  readonly denyIds: string[];
  readonly policyIds: string[];
}

/** One ingress rule of a tunnel configuration. */
export interface DocumentRoute {
  readonly hostname: string;
  readonly path?: string;
  readonly service: string;
  /** The AUD tags cloudflared accepts on this route; empty when the origin checks no token. */
  readonly audTags: string[];
  readonly publishedWithoutAccess: boolean;
  readonly originCheckDisabled: boolean;
}

/** The document, read. */
export interface StackDocument {
  readonly applications: DocumentApplication[];
  readonly routes: DocumentRoute[];
  readonly context: ModelContext;
}

const POLICY = 'cloudflare_zero_trust_access_policy';
const GROUP = 'cloudflare_zero_trust_access_group';
const APPLICATION = 'cloudflare_zero_trust_access_application';
const IDENTITY_PROVIDER = 'cloudflare_zero_trust_access_identity_provider';
const TUNNEL_CONFIG = 'cloudflare_zero_trust_tunnel_cloudflared_config';

/** `${type.name.attribute}` as Terraform JSON writes a reference. */
function reference(type: string, name: string, attribute: string): string {
  return `\${${type}.${name}.${attribute}}`;
}

/** A reference as written, with the blanks Terraform allows inside `${ ... }` taken out. */
function normalised(value: unknown): string {
  return String(value).replace(/\$\{\s*([^}]*?)\s*\}/g, '${$1}');
}

/** A resource body: Terraform JSON also allows a list of one body. */
function resourceBody(value: any): any {
  return Array.isArray(value) ? value[0] ?? {} : value ?? {};
}

/** The library's note in a resource's `//` comment. */
function note(body: any, name: string): any {
  return body?.['//']?.[OUTPUT_NOTE_KEY]?.[name];
}

function list(value: unknown): Selector[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A rule list; one written as an expression (not a JSON list) cannot be read,
 * and stands for an unknown selector.
 */
function rules(value: unknown): Selector[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value.map((selector) => normaliseSelector(selector)) : [{ unknown_expression: { value: String(value) } }];
}

/** A selector with its references normalised (a group id written `${ ... }`). */
function normaliseSelector(selector: any): Selector {
  if (selector?.group?.id !== undefined) {
    return { ...selector, group: { ...selector.group, id: normalised(selector.group.id) } };
  }
  if (selector?.login_method?.id !== undefined) {
    return { ...selector, login_method: { ...selector.login_method, id: normalised(selector.login_method.id) } };
  }
  return selector;
}

function ruleLists(body: any): RuleLists {
  return { include: rules(body.include), require: rules(body.require), exclude: rules(body.exclude) };
}

const DECISIONS = ['allow', 'deny', 'non_identity', 'bypass'];

/** Reads a synthesized stack document. */
export function readStackDocument(doc: any): StackDocument {
  const resources = (type: string): Array<[string, any]> =>
    Object.entries(doc?.resource?.[type] ?? {}).map(([name, value]) => [name, resourceBody(value)]);
  const groups = new Map<string, ModelGroup>();
  for (const [name, body] of resources(GROUP)) {
    groups.set(reference(GROUP, name, 'id'), { name: String(body.name ?? name), lists: ruleLists(body) });
  }
  const providers = new Map<string, string>();
  for (const [name, body] of resources(IDENTITY_PROVIDER)) {
    // Entra ID's multi-tenant endpoints let any Microsoft account of any organisation log in.
    const multiTenant = body.type === 'azureAD' && ['common', 'organizations', 'consumers'].includes(String(body.config?.directory_id));
    providers.set(reference(IDENTITY_PROVIDER, name, 'id'), multiTenant ? 'azureAD (multi-tenant)' : String(body.type));
  }
  const policies = new Map<string, ModelPolicy>();
  for (const [name, body] of resources(POLICY)) {
    // A decision written as an expression is unknown: the policy could be anything.
    const known = DECISIONS.includes(body.decision);
    policies.set(reference(POLICY, name, 'id'), {
      name: String(body.name ?? name),
      decision: known ? body.decision : 'allow',
      lists: known ? ruleLists(body) : undefined,
      optIns: list(note(body, 'opt_ins')) as any,
    });
  }
  const applications = resources(APPLICATION).map(([name, body]): DocumentApplication => {
    const declared: any[] = list(note(body, 'existing_policies'));
    // A policy list written as an expression cannot be read: one unknown policy stands for it.
    const attached = Array.isArray(body.policies)
      ? [...body.policies].sort((a: any, b: any) => Number(a.precedence ?? 0) - Number(b.precedence ?? 0))
      : body.policies === undefined ? [] : [{ id: String(body.policies) }];
    const modelPolicies = attached.map((item: any): ModelPolicy => {
      if (item.decision !== undefined && item.include !== undefined) {
        const decided = DECISIONS.includes(item.decision);
        return { name: String(item.name ?? 'inline policy'), decision: decided ? item.decision : 'allow', lists: decided ? ruleLists(item) : undefined, optIns: [] };
      }
      const known = policies.get(normalised(item.id));
      if (known !== undefined) {
        return known;
      }
      const declaration = declared.find((entry) => entry.id === item.id);
      return {
        name: `existing policy ${item.id}`,
        decision: DECISIONS.includes(declaration?.decision) ? declaration.decision : 'allow',
        optIns: list(declaration?.opt_ins) as any,
      };
    });
    const ids = attached.map((item: any) => normalised(item.id));
    const destinations = list(body.destinations).map((destination: any) => String(destination.uri)).filter((uri) => uri !== 'undefined');
    const domains = destinations.length > 0 ? destinations
      : [...(body.domain !== undefined ? [String(body.domain)] : []), ...list(body.self_hosted_domains).map(String)];
    return {
      address: `${APPLICATION}.${name}`,
      name: String(body.name ?? name),
      domains: [...new Set(domains)],
      policies: modelPolicies,
      policyIds: ids,
      denyIds: ids.filter((_, i) => modelPolicies[i].decision === 'deny'),
    };
  });
  const routes = resources(TUNNEL_CONFIG).flatMap(([, body]) => {
    const unguarded: string[] = list(note(body, 'published_without_access')) as any;
    const unchecked: string[] = list(note(body, 'origin_check_disabled')) as any;
    // A rule without a hostname serves any hostname routed to the tunnel: reported as `*`.
    return list(body.config?.ingress).map((rule: any): DocumentRoute => ({
      hostname: rule.hostname === undefined ? '*' : String(rule.hostname),
      path: rule.path,
      service: String(rule.service),
      audTags: rule.origin_request?.access?.required === true ? list(rule.origin_request.access.aud_tag).map(normalised) : [],
      publishedWithoutAccess: unguarded.includes(rule.hostname),
      originCheckDisabled: unchecked.includes(rule.hostname),
    }));
  });
  return {
    applications,
    routes,
    context: { group: (id) => groups.get(id), identityProviderType: (id) => providers.get(id) },
  };
}
