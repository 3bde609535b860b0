// Props are checked once, by the module that owns them, under the path the user wrote them at.
import { AccessDecision, AccessRule, AwsAlertTarget, CloudflareAlertTarget, ZeroTrustFargateService } from '../../src';
import * as policyChecks from '../../src/access/internal/policy-checks';
import * as cloudflareId from '../../src/core/cloudflare-id';
import { handDownChecked, pathOf, PropPath, wasChecked } from '../../src/core/prop-path';
import * as taskOptions from '../../src/service/internal/validate-task-options';
import { newStack } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

describe('PropPath', () => {
  test('names props under the path of the object that holds them', () => {
    const root = PropPath.root();
    expect(root.of('cpu')).toBe('cpu');
    expect(root.child('service').of('cpu')).toBe('service.cpu');
    expect(root.child('access').element('policies', 1).of('include[0]')).toBe('access.policies[1].include[0]');
    expect(root.child('access').element('paths', 0).name).toBe('access.paths[0]');
    expect(root.child('access').text).toBe('access.');
    expect(root.name).toBe('');
  });

  test('props handed down are marked checked, with their path; others are not', () => {
    const props = { cpu: 256 };
    expect(wasChecked(props)).toBe(false);
    expect(pathOf(props).of('cpu')).toBe('cpu');
    expect(handDownChecked(props, PropPath.root().child('service'))).toBe(props);
    expect(wasChecked(props)).toBe(true);
    expect(pathOf(props).of('cpu')).toBe('service.cpu');
    expect(Object.keys(props)).toEqual(['cpu']); // nothing visible on the object itself
  });
});

describe('the pattern checks each prop once', () => {
  afterEach(() => jest.restoreAllMocks());

  test('policies, Cloudflare ids and task options', () => {
    const policy = jest.spyOn(policyChecks, 'checkPolicyOptions');
    const id = jest.spyOn(cloudflareId, 'requireCloudflareId');
    const task = jest.spyOn(taskOptions, 'validateTaskOptions');
    new ZeroTrustFargateService(newStack(), 'admin', {
      ...PATTERN_PROPS,
      access: {
        allow: PATTERN_PROPS.access.allow,
        policies: [{ key: 'former-staff', name: 'former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['x@example.com'])] }],
      },
      alerts: { aws: AwsAlertTarget.email('ops@example.com'), cloudflare: CloudflareAlertTarget.email('ops@example.com') },
    });
    expect(policy).toHaveBeenCalledTimes(1);
    expect(id.mock.calls.map(([property]) => property)).toEqual(['cloudflareAccountId', 'cloudflareZoneId']);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
