import { ZeroTrustAccessPolicyInclude, zeroTrustAccessPolicyIncludeToTerraform } from '@cdktf/provider-cloudflare/lib/zero-trust-access-policy';
import { IResolvable, TerraformIterator, Token } from 'cdktf';
import type { AccessGroup } from './group';
import { accessGroupFacts } from './internal/construct-model';
import { requireCidr, requireEmail, requireEmailDomain, requireEmailList, requireLiteralList, requireUuid } from './internal/value-checks';
import { invalid, isToken, requireNonEmpty, requireText, requireUnique } from '../core/validation';

/**
 * Whether a rule looks at who the person is (needs a login) or only at the
 * request (service token, IP). Service Auth and Bypass policies can only use the latter.
 */
enum RuleBasis {
  IDENTITY,
  REQUEST,
  EITHER,
}

/**
 * One "who" condition of an Access policy, e.g. "these emails" or "any valid
 * service token". Use it in a policy's `include`, `exclude` or `require` list.
 *
 * Cloudflare provider v5 wants every element of a rule list to carry exactly
 * one selector, so a rule over several values (three emails, two IP ranges)
 * becomes one list element per value. Create rules with the static factories.
 *
 * @example
 * import { AccessPolicyOptions, AccessRule } from 'cdktf-zero-trust-fargate';
 *
 * const engineers: AccessPolicyOptions = {
 *   name: 'Engineers on the office network',
 *   include: [AccessRule.emailDomain('example.com'), AccessRule.emails(['contractor@partner.example.net'])],
 *   require: [AccessRule.ipRanges(['203.0.113.0/24'])], // one value: each element of require must match
 *   exclude: [AccessRule.emails(['former.employee@example.com'])],
 * };
 */
export class AccessRule {
  /**
   * People with one of these exact email addresses.
   *
   * @param emails at least one address. Each becomes its own `{email: {email}}` element; a whole
   * Terraform list (a variable, a function, a data source attribute) becomes a `for` expression
   */
  public static emails(emails: string[]): AccessRule {
    if (isToken(emails)) {
      return AccessRule.fromListToken('emails', RuleBasis.IDENTITY, emails, 'email', '{ email = { email = val } }');
    }
    requireEmailList('AccessRule.emails', emails);
    return new AccessRule('emails', RuleBasis.IDENTITY, emails.map((email) => ({ email: { email } })));
  }

  /**
   * Anyone whose email address ends in `@<domain>`.
   *
   * @param domain a bare domain such as `example.com` (no `@`)
   */
  public static emailDomain(domain: string): AccessRule {
    requireEmailDomain('AccessRule.emailDomain', domain);
    return new AccessRule('emailDomain', RuleBasis.IDENTITY, [{ emailDomain: { domain } }]);
  }

  /**
   * Members of a Google Workspace group (selector `gsuite`).
   *
   * @param groupEmail the group's address, e.g. `engineering@example.com`
   * @param identityProviderId id of the Google Workspace identity provider, e.g. `idp.identityProviderId`
   */
  public static googleWorkspaceGroup(groupEmail: string, identityProviderId: string): AccessRule {
    requireEmail('AccessRule.googleWorkspaceGroup.groupEmail', groupEmail);
    requireText('AccessRule.googleWorkspaceGroup.identityProviderId', identityProviderId);
    return new AccessRule('googleWorkspaceGroup', RuleBasis.IDENTITY, [{ gsuite: { email: groupEmail, identityProviderId } }]);
  }

  /**
   * Members of an Access group defined elsewhere in the account.
   *
   * @param groupId the Access group's id
   */
  public static accessGroup(groupId: string): AccessRule {
    requireText('AccessRule.accessGroup', groupId);
    // A group can hold identity and request rules alike, so it fits any decision.
    return new AccessRule('accessGroup', RuleBasis.EITHER, [{ group: { id: groupId } }]);
  }

  /**
   * Members of a GitHub organisation, as seen through a GitHub identity provider.
   *
   * @param name the organisation's name
   * @param identityProviderId id of the GitHub identity provider
   */
  public static githubOrganization(name: string, identityProviderId: string): AccessRule {
    requireText('AccessRule.githubOrganization.name', name);
    requireText('AccessRule.githubOrganization.identityProviderId', identityProviderId);
    return new AccessRule('githubOrganization', RuleBasis.IDENTITY, [{ githubOrganization: { name, identityProviderId } }]);
  }

  /**
   * Members of one team of a GitHub organisation.
   *
   * @param organization the organisation's name
   * @param team the team's name within the organisation
   * @param identityProviderId id of the GitHub identity provider
   */
  public static githubTeam(organization: string, team: string, identityProviderId: string): AccessRule {
    requireText('AccessRule.githubTeam.organization', organization);
    requireText('AccessRule.githubTeam.team', team);
    requireText('AccessRule.githubTeam.identityProviderId', identityProviderId);
    return new AccessRule('githubTeam', RuleBasis.IDENTITY,
      [{ githubOrganization: { name: organization, team, identityProviderId } }]);
  }

  /**
   * Requests that present one specific service token (headers
   * `CF-Access-Client-Id` and `CF-Access-Client-Secret`). Use it in a
   * `NON_IDENTITY` policy.
   *
   * @param tokenId the token's id, e.g. `token.tokenId` of an `AccessServiceToken`
   */
  public static serviceToken(tokenId: string): AccessRule {
    requireText('AccessRule.serviceToken', tokenId);
    return new AccessRule('serviceToken', RuleBasis.REQUEST, [{ serviceToken: { tokenId } }]);
  }

  /**
   * Requests that present any valid service token of the whole account,
   * including tokens issued for other apps. In an `include` list it needs
   * `allowEveryServiceTokenOfTheAccount: true` on the policy; prefer
   * `AccessRule.serviceToken(id)` for the tokens meant for this app.
   */
  public static anyValidServiceToken(): AccessRule {
    return new AccessRule('anyValidServiceToken', RuleBasis.REQUEST, [{ anyValidServiceToken: {} }]);
  }

  /**
   * People whose OIDC identity token carries a claim with this value.
   *
   * @param claimName the claim, e.g. `groups`
   * @param claimValue the value to look for, e.g. `admins`
   * @param identityProviderId id of the OIDC identity provider
   */
  public static oidcClaim(claimName: string, claimValue: string, identityProviderId: string): AccessRule {
    requireText('AccessRule.oidcClaim.claimName', claimName);
    requireText('AccessRule.oidcClaim.claimValue', claimValue);
    requireText('AccessRule.oidcClaim.identityProviderId', identityProviderId);
    return new AccessRule('oidcClaim', RuleBasis.IDENTITY, [{ oidc: { claimName, claimValue, identityProviderId } }]);
  }

  /**
   * Members of an Okta group (selector `okta`). Okta must send the group
   * memberships: a `groups` claim on the ID token of the Okta application
   * Access uses (see `AccessIdentityProvider.okta`).
   *
   * @param groupName the group's name in Okta, e.g. `Engineering`
   * @param identityProviderId id of the Okta identity provider, e.g. `idp.identityProviderId`
   */
  public static oktaGroup(groupName: string, identityProviderId: string): AccessRule {
    requireText('AccessRule.oktaGroup.groupName', groupName);
    requireText('AccessRule.oktaGroup.identityProviderId', identityProviderId);
    return new AccessRule('oktaGroup', RuleBasis.IDENTITY, [{ okta: { name: groupName, identityProviderId } }]);
  }

  /**
   * Members of a Microsoft Entra ID group (selector `azure_ad`). The identity
   * provider must load groups (`supportGroups`, on by default in
   * `AccessIdentityProvider.entraId`).
   *
   * @param groupId the group's object id, a UUID (not its display name)
   * @param identityProviderId id of the Entra ID identity provider, e.g. `idp.identityProviderId`
   */
  public static entraIdGroup(groupId: string, identityProviderId: string): AccessRule {
    requireUuid('AccessRule.entraIdGroup.groupId', groupId, 'the object id of the Entra ID group');
    requireText('AccessRule.entraIdGroup.identityProviderId', identityProviderId);
    return new AccessRule('entraIdGroup', RuleBasis.IDENTITY, [{ azureAd: { id: groupId, identityProviderId } }]);
  }

  /**
   * People whose SAML assertion carries an attribute with this value
   * (selector `saml`), e.g. attribute `groups` with value `engineering`. The
   * attribute must be one of the SAML provider's `attributes`, or it never
   * reaches Access.
   *
   * @param attributeName the SAML attribute, e.g. `groups`
   * @param attributeValue the value to look for, e.g. `engineering`
   * @param identityProviderId id of the SAML identity provider, e.g. `idp.identityProviderId`
   */
  public static samlAttribute(attributeName: string, attributeValue: string, identityProviderId: string): AccessRule {
    requireText('AccessRule.samlAttribute.attributeName', attributeName);
    requireText('AccessRule.samlAttribute.attributeValue', attributeValue);
    requireText('AccessRule.samlAttribute.identityProviderId', identityProviderId);
    return new AccessRule('samlAttribute', RuleBasis.IDENTITY,
      [{ saml: { attributeName, attributeValue, identityProviderId } }]);
  }

  /**
   * Members of an `AccessGroup` of this app: the same selector as
   * `AccessRule.accessGroup(group.groupId)`. Either way, the Access model
   * looks into a group of this app: one that lets in anyone who can log in
   * (everyone, an open login method, IP ranges reaching nearly the whole
   * internet) or any valid service token makes the policy need the same
   * opt-in; a group of people only is an identity rule.
   *
   * @param group the Access group
   */
  public static membersOf(group: AccessGroup): AccessRule {
    const facts = accessGroupFacts(group);
    if (facts === undefined) {
      invalid('AccessRule.membersOf', group, 'Expected an AccessGroup; for a group made elsewhere use AccessRule.accessGroup(groupId).');
    }
    return new AccessRule('membersOf', group._needsIdentity ? RuleBasis.IDENTITY : RuleBasis.EITHER, [{ group: { id: facts.groupId } }],
      `AccessRule.membersOf(${group.node.id})`);
  }

  /**
   * People who logged in through one identity provider. Typically in
   * `require`, to insist on e.g. the company IdP rather than one-time PIN.
   *
   * @param identityProviderId the identity provider's id
   */
  public static loginMethod(identityProviderId: string): AccessRule {
    requireText('AccessRule.loginMethod', identityProviderId);
    return new AccessRule('loginMethod', RuleBasis.IDENTITY, [{ loginMethod: { id: identityProviderId } }]);
  }

  /**
   * Requests from these IP ranges. Ranges that together reach at least 1% of
   * the public addresses of IPv4 or IPv6 (e.g. `0.0.0.0/0`, `0.0.0.0/1`, two
   * `/8` networks, or `2000::/5`) reach whole providers and count as
   * `AccessRule.everyone()` in an `include` list. In `require`, give one
   * range: each element there is a requirement of its own, all must match.
   *
   * @param cidrs at least one IPv4 or IPv6 CIDR block. Each becomes its own `{ip: {ip}}` element; a
   * whole Terraform list becomes a `for` expression (and the Access model counts it as unknown)
   */
  public static ipRanges(cidrs: string[]): AccessRule {
    if (isToken(cidrs)) {
      return AccessRule.fromListToken('ipRanges', RuleBasis.REQUEST, cidrs, 'ip', '{ ip = { ip = val } }');
    }
    requireLiteralList('AccessRule.ipRanges', cidrs);
    requireNonEmpty('AccessRule.ipRanges', cidrs);
    cidrs.forEach((cidr, i) => requireCidr(`AccessRule.ipRanges[${i}]`, cidr));
    requireUnique('AccessRule.ipRanges', cidrs);
    return new AccessRule('ipRanges', RuleBasis.REQUEST, cidrs.map((ip) => ({ ip: { ip } })));
  }

  /**
   * Everyone. In an `ALLOW` policy this means anyone who can log in through
   * any identity provider of the account, including one-time PIN (any email
   * address at all), so such a policy needs `allowEveryoneWhoCanLogIn: true`.
   */
  public static everyone(): AccessRule {
    return new AccessRule('everyone', RuleBasis.EITHER, [{ everyone: {} }]);
  }

  /** A rule over a list known only at apply time; `element` is the selector the Access model sees for it. */
  private static fromListToken(kind: string, basis: RuleBasis, list: string[], selector: string, hcl: string): AccessRule {
    const expression = TerraformIterator.fromList(list).forExpressionForList(hcl);
    const element = { [selector]: { [selector]: Token.asString(list) } };
    return new AccessRule(kind, basis, [], undefined, expression, element);
  }

  /**
   * The selectors this rule contributes to a rule list, one per element.
   *
   * @internal
   */
  public readonly _selectors: ZeroTrustAccessPolicyInclude[];

  /**
   * The factory that made this rule, for error messages.
   *
   * @internal
   */
  public readonly _kind: string;

  /**
   * For a rule over a whole Terraform list: the `for` expression that makes
   * one selector per element at apply time (the rule then has no `_selectors`).
   *
   * @internal
   */
  public readonly _listExpression?: IResolvable;

  private readonly basis: RuleBasis;
  private readonly shown?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selector as Terraform JSON writes it, any provider shape
  private readonly listElement?: Record<string, any>;

  private constructor(kind: string, basis: RuleBasis, selectors: ZeroTrustAccessPolicyInclude[], shown?: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as listElement above
    listExpression?: IResolvable, listElement?: Record<string, any>) {
    this._kind = kind;
    this.basis = basis;
    this._selectors = selectors;
    this.shown = shown;
    this._listExpression = listExpression;
    this.listElement = listElement;
  }

  /**
   * The selectors as Terraform JSON writes them (snake_case), as the Access
   * model reads them: one per element, or for a list known only at apply
   * time, one whose value the model cannot read.
   *
   * @internal
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a selector as Terraform JSON writes it, any provider shape
  public _modelSelectors(): Array<Record<string, any>> {
    return this.listElement !== undefined ? [this.listElement] : this._selectors.map((selector) => zeroTrustAccessPolicyIncludeToTerraform(selector));
  }

  /**
   * How the rule is shown in error messages: `AccessRule.<factory>`, or
   * `AccessRule.membersOf(<group id>)` for a group's members.
   *
   * @internal
   */
  public _shown(): string {
    return this.shown ?? `AccessRule.${this._kind}`;
  }

  /**
   * The CIDR blocks of an `ipRanges` rule; empty for other rules.
   *
   * @internal
   */
  public _ipRanges(): string[] {
    return this._selectors.flatMap((selector) => (selector.ip ? [selector.ip.ip] : []));
  }

  /**
   * True when the rule needs a logged-in identity, which Service Auth and
   * Bypass policies never evaluate.
   *
   * @internal
   */
  public _needsIdentity(): boolean {
    return this.basis === RuleBasis.IDENTITY;
  }
}
