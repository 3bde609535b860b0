import { ZeroTrustAccessGroup, ZeroTrustAccessGroupInclude } from '@cdktf/provider-cloudflare/lib/zero-trust-access-group';
import { Construct } from 'constructs';
import { groupProblems } from './internal/access-model';
import { markAccessGroup, optInsOf, providerRuleList, recordOptIns, ruleLists, throwFirstProblem, treeContext } from './internal/construct-model';
import { requireAccessRule, requireSingleElement } from './internal/policy-checks';
import { AccessRule } from './rule';
import { AccessRuleSet } from './rule-set';
import { requireCloudflareId } from '../core/cloudflare-id';
import { invalid, requireText } from '../core/validation';

/** Properties of an `AccessGroup`. */
export interface AccessGroupProps extends AccessRuleSet {
  /** The Cloudflare account that owns the group. */
  readonly cloudflareAccountId: string;

  /** Name of the group, shown in the Zero Trust dashboard and in policies' rule lists. */
  readonly name: string;
}

/**
 * A reusable Cloudflare Access group (`cloudflare_zero_trust_access_group`):
 * a named set of include, exclude and require rules, such as "SRE" or
 * "contractors", kept in one place and used by many policies with
 * `AccessRule.membersOf(group)`. Changing the group changes who every such
 * policy lets in, without touching the policies.
 *
 * The same checks as a policy's apply to its rules: a group that lets in
 * everyone or every service token needs an opt-in, here and again in each
 * policy that includes it.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessGroup, AccessPolicyOptions, AccessRule } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const sre = new AccessGroup(stack, 'sre', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   name: 'SRE',
 *   include: [AccessRule.emails(['alice@example.com', 'bob@example.com'])],
 * });
 *
 * // Any policy can then let the group in.
 * const policy: AccessPolicyOptions = { name: 'SRE', include: [AccessRule.membersOf(sre)] };
 */
export class AccessGroup extends Construct {
  /** The group's id, for `AccessRule.accessGroup` in another stack. */
  public readonly groupId: string;

  /** The group's name. */
  public readonly name: string;

  /** The underlying Terraform resource. */
  public readonly group: ZeroTrustAccessGroup;

  /**
   * True when membership needs a logged-in identity: every include rule, or
   * some require rule, is about who the person is.
   *
   * @internal
   */
  public readonly _needsIdentity: boolean;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the AccessGroup, described by `AccessGroupProps`.
   */
  constructor(scope: Construct, id: string, props: AccessGroupProps) {
    super(scope, id);
    validate(props);
    // Who the group lets in, as the Access model sees it: open members need the group's opt-in.
    const lists = ruleLists(props.include, props.require, props.exclude);
    throwFirstProblem(groupProblems({ name: props.name, lists }, optInsOf(props), treeContext(scope)),
      [{
        policy: { kind: 'group', name: props.name, decision: 'allow', lists, optIns: [] },
        property: '',
        shownName: props.name,
        rules: { include: props.include, require: props.require ?? [], exclude: props.exclude ?? [] },
      }], '');

    const include = props.include;
    const require = props.require ?? [];
    this.name = props.name;
    this._needsIdentity = include.every((rule) => rule._needsIdentity()) || require.some((rule) => rule._needsIdentity());

    this.group = new ZeroTrustAccessGroup(this, 'Resource', {
      accountId: props.cloudflareAccountId,
      name: props.name,
      include: providerRuleList<ZeroTrustAccessGroupInclude>(include)!,
      exclude: providerRuleList<ZeroTrustAccessGroupInclude>(props.exclude),
      require: providerRuleList<ZeroTrustAccessGroupInclude>(require),
    });
    this.groupId = this.group.id;
    markAccessGroup(this, { groupId: this.groupId, name: props.name, lists });
    recordOptIns(this.group, optInsOf(props));
  }
}

function validate(props: AccessGroupProps): void {
  requireCloudflareId('cloudflareAccountId', props.cloudflareAccountId);
  requireText('name', props.name);
  if (!Array.isArray(props.include) || props.include.length === 0) {
    invalid('include', props.include, 'Expected at least one rule: a group with no include rule has no members.');
  }
  const lists: Array<[string, AccessRule[] | undefined]> = [['include', props.include], ['exclude', props.exclude], ['require', props.require]];
  for (const [list, rules] of lists) {
    if (rules !== undefined && !Array.isArray(rules)) {
      invalid(list, rules, 'Expected a list of AccessRule.');
    }
    (rules ?? []).forEach((rule, i) => {
      requireAccessRule(`${list}[${i}]`, rule);
      if (list === 'require') {
        requireSingleElement(`${list}[${i}]`, rule);
      }
    });
  }
}
