// The Cloudflare side of the alerts: a tunnel_health_event notification policy for exactly this tunnel.
import { CloudflareAlertTarget, CloudflareTunnel, TunnelHealthAlert, TunnelHealthAlertProps } from '../../src';
import { newStack, onlyResource, synth } from '../helpers';

const ACCOUNT = '0123456789abcdef0123456789abcdef';

function tunnel(stack: any): CloudflareTunnel {
  return new CloudflareTunnel(stack, 'tunnel', {
    cloudflareAccountId: ACCOUNT,
    cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
    name: 'web',
    ingress: [{ hostname: 'web.example.com', service: 'http://localhost:8080', dangerouslyPublishWithoutAccess: true }],
  });
}

function build(target: CloudflareAlertTarget) {
  const result = synth((stack) => new TunnelHealthAlert(stack, 'health', { cloudflareAccountId: ACCOUNT, tunnel: tunnel(stack), target }));
  return { ...result, policy: onlyResource(result.doc, 'cloudflare_notification_policy') };
}

describe('TunnelHealthAlert', () => {
  test('snapshot', () => {
    expect(build(CloudflareAlertTarget.email('ops@example.com')).json).toMatchSnapshot();
  });

  test('watches exactly this tunnel\'s health, with every status change (the all-clear too)', () => {
    const { policy, doc } = build(CloudflareAlertTarget.email('ops@example.com'));
    const tunnelId = `\${cloudflare_zero_trust_tunnel_cloudflared.${Object.keys(doc.resource.cloudflare_zero_trust_tunnel_cloudflared)[0]}.id}`;
    expect(policy).toMatchObject({
      account_id: ACCOUNT,
      alert_type: 'tunnel_health_event',
      enabled: true,
      filters: { tunnel_id: [tunnelId] },
    });
    // Written out: the API is reported to refuse a tunnel_health_event policy without it.
    expect(policy.filters.new_status).toEqual(['TUNNEL_STATUS_TYPE_HEALTHY', 'TUNNEL_STATUS_TYPE_DEGRADED', 'TUNNEL_STATUS_TYPE_DOWN']);
  });

  test('emails an address', () => {
    expect(build(CloudflareAlertTarget.email('ops@example.com')).policy.mechanisms).toEqual({ email: [{ id: 'ops@example.com' }] });
  });

  test('calls a webhook destination', () => {
    expect(build(CloudflareAlertTarget.webhook('b115d5ec15c641ee8b7692c449b5227b')).policy.mechanisms)
      .toEqual({ webhooks: [{ id: 'b115d5ec15c641ee8b7692c449b5227b' }] });
  });

  describe('rejects', () => {
    const attempt = (overrides: Partial<TunnelHealthAlertProps>) => () => {
      const stack = newStack();
      new TunnelHealthAlert(stack, 'health', { cloudflareAccountId: ACCOUNT, tunnel: tunnel(stack), target: CloudflareAlertTarget.email('ops@example.com'), ...overrides });
    };

    test('an account id that is no Cloudflare id', () => {
      expect(attempt({ cloudflareAccountId: 'acme' })).toThrow(/^Invalid cloudflareAccountId: "acme"\. Expected a Cloudflare id/);
    });

    test('a target that is not a CloudflareAlertTarget', () => {
      expect(attempt({ target: 'ops@example.com' as any })).toThrow(/^Invalid target: "ops@example\.com"\. Expected CloudflareAlertTarget\.email/);
    });
  });
});
