/**
 * What one Access rule selector (one element of an include, require or
 * exclude list, as Terraform JSON writes it: `{"email": {"email": ...}}`)
 * says about who matches it. Internal: part of the Access model.
 */
import { IpSet } from './ip-space';

/** How much a rule narrows who a person is. Ordered: a conjunction takes the narrowest. */
export enum IdentityBreadth {
  /** No condition on who the person is. */
  NONE = 0,
  /** Anyone who can log in somewhere: an account anyone can make. */
  OPEN = 1,
  /** A condition this stack cannot see into (a group or list given by id). */
  UNKNOWN = 2,
  /** Named people: addresses, the organisation's own domain, a directory group. */
  NAMED = 3,
}

/** Which service tokens a rule asks for. Ordered like IdentityBreadth. */
export enum TokenBreadth {
  NONE = 0,
  ANY = 1,
  SPECIFIC = 2,
}

/** A condition on the request other than IP, identity or token (country, certificate, device). */
export enum RequestBreadth {
  NONE = 0,
  /** Matches anyone in a large population (a country). */
  OPEN = 1,
  UNKNOWN = 2,
  /** Matches only clients the organisation equips (a certificate, a managed device). */
  NARROW = 3,
}

/**
 * One conjunction of conditions: what a person or request must all meet.
 * `everyone` is the term with no condition at all.
 */
export interface Term {
  readonly ips: IpSet;
  readonly identity: IdentityBreadth;
  readonly token: TokenBreadth;
  readonly request: RequestBreadth;
  /** Why the identity condition is open, when it is: "one-time PIN login (anyone with an email address)". */
  readonly openBecause?: string;
  /** The readable conditions, e.g. `email alice@example.com`, `IP 203.0.113.0/24`. */
  readonly shown: readonly string[];
  /** True when an exclude rule takes some people or machines out (beyond addresses). */
  readonly excepted: boolean;
  /** True when an IP rule set the addresses (rather than no address condition at all). */
  readonly byAddress?: boolean;
}

/** The term of `everyone`: matches any request. */
export const EVERYONE: Term = {
  ips: IpSet.ALL, identity: IdentityBreadth.NONE, token: TokenBreadth.NONE, request: RequestBreadth.NONE, shown: [], excepted: false,
};

/** Both conditions at once. */
export function both(a: Term, b: Term): Term {
  return {
    ips: a.ips.intersect(b.ips),
    identity: Math.max(a.identity, b.identity),
    token: Math.max(a.token, b.token),
    request: Math.max(a.request, b.request),
    openBecause: Math.max(a.identity, b.identity) === IdentityBreadth.OPEN ? (a.openBecause ?? b.openBecause) : undefined,
    shown: [...a.shown, ...b.shown],
    excepted: a.excepted || b.excepted,
    byAddress: a.byAddress === true || b.byAddress === true,
  };
}

/** True for a term whose only condition, if any, is on the client's address. */
export function onlyAddress(term: Term): boolean {
  return term.identity === IdentityBreadth.NONE && term.token === TokenBreadth.NONE && term.request === RequestBreadth.NONE;
}

/**
 * Mail domains anyone can get an address at: an email-domain rule on one of
 * them admits anyone who signs up, like everyone().
 */
export const PUBLIC_MAIL_DOMAINS: readonly string[] = [
  // Free mail providers.
  '126.com', '163.com', 'aim.com', 'aol.co.uk', 'aol.com', 'att.net', 'bellsouth.net', 'comcast.net', 'cox.net', 'daum.net',
  'earthlink.net', 'fastmail.com', 'fastmail.fm', 'free.fr', 'freenet.de', 'gmail.com', 'gmx.at', 'gmx.ch', 'gmx.com', 'gmx.de',
  'gmx.net', 'googlemail.com', 'hanmail.net', 'hey.com', 'hotmail.co.uk', 'hotmail.com', 'hotmail.de', 'hotmail.es',
  'hotmail.fr', 'hotmail.it', 'icloud.com', 'inbox.ru', 'interia.pl', 'laposte.net', 'libero.it', 'list.ru', 'live.co.uk',
  'live.com', 'live.de', 'live.fr', 'mac.com', 'mail.com', 'mail.ru', 'me.com', 'msn.com', 'naver.com', 'o2.pl', 'orange.fr',
  'outlook.com', 'outlook.de', 'outlook.es', 'outlook.fr', 'outlook.it', 'pm.me', 'proton.me', 'protonmail.ch',
  'protonmail.com', 'qq.com', 'rambler.ru', 'rocketmail.com', 'sbcglobal.net', 'seznam.cz', 't-online.de', 'tuta.com',
  'tuta.io', 'tutamail.com', 'tutanota.com', 'tutanota.de', 'verizon.net', 'web.de', 'wp.pl', 'yahoo.ca', 'yahoo.co.in',
  'yahoo.co.id', 'yahoo.co.jp', 'yahoo.co.uk', 'yahoo.com', 'yahoo.com.au', 'yahoo.com.br', 'yahoo.de', 'yahoo.es', 'yahoo.fr',
  'yahoo.it', 'yandex.by', 'foxmail.com', 'sina.com', 'sina.cn', 'sohu.com', 'posteo.de', 'posteo.net', 'mailbox.org', 'gmx.fr',
  'hotmail.co.jp', 'outlook.jp', 'aol.de', 'live.nl', 'live.it', 'live.ca', 'live.com.au', 'rediffmail.com', 'ukr.net', 'bk.ru',
  'protonmail.me', 'kakao.com', 'email.com', 'usa.com', 'runbox.com', 'mail.de', 'virgilio.it', 'btinternet.com',
  'yandex.com', 'yandex.kz', 'yandex.ru', 'yandex.ua', 'ya.ru', 'ymail.com', 'zoho.com', 'zohomail.com',
  // Forwarding and relay addresses anyone can make.
  'duck.com', 'privaterelay.appleid.com', 'simplelogin.com', 'anonaddy.me', 'passmail.net',
  // Disposable mailboxes.
  '10minutemail.com', 'guerrillamail.com', 'mailinator.com', 'sharklasers.com', 'temp-mail.org', 'yopmail.com',
];

/**
 * True for a value the configuration does not show (a Terraform expression
 * or an unresolved token): the model cannot read it, so it is unknown.
 */
export function isExpression(value: unknown): boolean {
  return typeof value !== 'string' || value.includes('${') || value.includes('TfToken[');
}

/**
 * Identity provider types through which only the organisation's own
 * directory logs in. Any other type (one-time PIN, GitHub, Google, generic
 * OIDC, an id this stack does not define) may let anyone make an account.
 */
const DIRECTORY_IDP_TYPES = ['google-apps', 'azureAD', 'okta', 'onelogin', 'pingone', 'centrify', 'saml'];

/** Who can make an account with a provider of an open type. */
const OPEN_IDP_AUDIENCE: Record<string, string> = {
  onetimepin: 'anyone with an email address',
  github: 'anyone with a GitHub account',
  google: 'anyone with a Google account',
  facebook: 'anyone with a Facebook account',
  linkedin: 'anyone with a LinkedIn account',
  yandex: 'anyone with a Yandex account',
};

/** What the model needs to know about resources a selector refers to. */
export interface SelectorContext {
  /** The identity provider type behind an id (e.g. `onetimepin`), when the stack defines it. */
  identityProviderType(id: string): string | undefined;
}

/**
 * The term of one selector that is not a group (groups expand into the
 * terms of their own rules; see the model).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON: each selector kind has its own shape.
export function selectorTerm(selector: Record<string, any>, context: SelectorContext, mapIpv4 = true): Term {
  const entry = typeof selector === 'object' && selector !== null && !Array.isArray(selector)
    ? Object.entries(selector).find(([, v]) => v !== undefined && v !== null) : undefined;
  const [kind, value] = entry ?? ['unknown', {}];
  const term = (fields: Partial<Term>, shown: string): Term => ({ ...EVERYONE, ...fields, shown: [shown] });
  const named = (shown: string) => term({ identity: IdentityBreadth.NAMED }, shown);
  if (typeof value !== 'object' || value === null) {
    // A selector written as an expression: nothing to read, and it may hold any rule.
    return term({ request: RequestBreadth.UNKNOWN }, `${kind} (an expression)`);
  }
  switch (kind) {
    case 'everyone':
      return term({}, 'everyone');
    case 'ip': {
      const ips = IpSet.fromCidrs([String(value.ip)], mapIpv4);
      return isExpression(value.ip) || (ips.isEmpty() && mapIpv4)
        ? term({ request: RequestBreadth.UNKNOWN }, `IP ${value.ip} (not known at synthesis)`)
        : term({ ips, byAddress: true }, `IP ${value.ip}`);
    }
    case 'email':
      return isExpression(value.email) ? term({ identity: IdentityBreadth.UNKNOWN }, `email ${value.email} (not known at synthesis)`)
        : named(`email ${value.email}`);
    case 'email_domain': {
      if (isExpression(value.domain)) {
        return term({ identity: IdentityBreadth.UNKNOWN }, `email domain ${value.domain} (not known at synthesis)`);
      }
      const domain = String(value.domain).toLowerCase();
      return PUBLIC_MAIL_DOMAINS.includes(domain)
        ? term({ identity: IdentityBreadth.OPEN, openBecause: `an email domain of a public mail provider (anyone can get an @${domain} address)` }, `email domain ${domain}`)
        : named(`email domain ${domain}`);
    }
    case 'gsuite':
      return named(`Google Workspace group ${value.email}`);
    case 'github_organization':
      return named(value.team ? `GitHub team ${value.name}/${value.team}` : `GitHub organization ${value.name}`);
    case 'okta':
      return named(`Okta group ${value.name}`);
    case 'azure_ad':
      return named(`Entra ID group ${value.id}`);
    case 'saml':
      return named(`SAML attribute ${value.attribute_name}=${value.attribute_value}`);
    case 'oidc':
      return named(`OIDC claim ${value.claim_name}=${value.claim_value}`);
    case 'auth_context':
      return named(`authentication context ${value.ac_id}`);
    case 'login_method':
      return loginMethodTerm(String(value.id), context);
    case 'auth_method':
      return term({ identity: IdentityBreadth.OPEN, openBecause: `any login that used ${value.auth_method}` }, `authentication method ${value.auth_method}`);
    case 'service_token':
      return term({ token: TokenBreadth.SPECIFIC }, `service token ${value.token_id}`);
    case 'any_valid_service_token':
      return term({ token: TokenBreadth.ANY }, 'any service token of the account');
    case 'geo':
      return term({ request: RequestBreadth.OPEN }, `country ${value.country_code}`);
    case 'certificate':
      return term({ request: RequestBreadth.NARROW }, 'a valid client certificate');
    case 'common_name':
      return term({ request: RequestBreadth.NARROW }, `client certificate ${value.common_name}`);
    case 'device_posture':
      return term({ request: RequestBreadth.NARROW }, `device posture ${value.integration_uid}`);
    case 'email_list':
      return term({ identity: IdentityBreadth.UNKNOWN }, `email list ${value.id}`);
    case 'ip_list':
      return term({ request: RequestBreadth.UNKNOWN }, `IP list ${value.id}`);
    case 'linked_app_token':
      return term({ identity: IdentityBreadth.UNKNOWN }, `tokens of application ${value.app_uid}`);
    case 'external_evaluation':
      return term({ identity: IdentityBreadth.UNKNOWN }, `external evaluation ${value.evaluate_url}`);
    default:
      // A selector the model does not know may be about the request: unknown under every decision.
      return term({ request: RequestBreadth.UNKNOWN }, `${kind} (not modelled)`);
  }
}

/**
 * A login-method rule on its own admits whoever can log in through that
 * provider: the organisation's directory for a directory type, anyone who
 * signs up otherwise (and when the type is not known here).
 */
function loginMethodTerm(id: string, context: SelectorContext): Term {
  const type = context.identityProviderType(id);
  const shown = `login method ${type ?? id}`;
  if (type !== undefined && DIRECTORY_IDP_TYPES.includes(type)) {
    return { ...EVERYONE, identity: IdentityBreadth.NAMED, shown: [`everyone in the ${type} directory (${shown})`] };
  }
  const who = type === undefined ? 'anyone that provider lets log in (its type is not defined in this stack)'
    : OPEN_IDP_AUDIENCE[type] ?? `anyone the ${type} provider lets log in`;
  return { ...EVERYONE, identity: IdentityBreadth.OPEN, openBecause: `a login method on its own (${who})`, shown: [shown] };
}
