// Minimal valid props of ZeroTrustFargateService; tests override what they exercise.
import { AccessRule, ContainerImage, ZeroTrustFargateServiceProps } from '../src';

export const PATTERN_PROPS: ZeroTrustFargateServiceProps = {
  cloudflareAccountId: '0123456789abcdef0123456789abcdef',
  cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
  zoneName: 'example.com',
  hostname: 'admin.example.com',
  app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
  access: { allow: [AccessRule.emailDomain('example.com')] },
};
