import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AccessRule, ContainerImage, ZeroTrustFargateService } from 'cdktf-zero-trust-fargate';

export class AdminPanelStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1' });
    new CloudflareProvider(this, 'cloudflare', {});
    new RandomProvider(this, 'random');

    new ZeroTrustFargateService(this, 'admin', {
      cloudflareAccountId: '0123456789abcdef0123456789abcdef', // your account id
      cloudflareZoneId: 'fedcba9876543210fedcba9876543210', // your zone id
      hostname: 'admin.example.com', // a hostname in your zone
      zoneName: 'example.com', // your zone: a hostname outside it fails at synth
      app: { image: ContainerImage.fromRegistry('nginx:1.27.3'), port: 80 }, // your app's image and port
      access: { allow: [AccessRule.emailDomain('example.com')] }, // who may log in
    });
  }
}
