// Settings of the example stacks, read from environment variables at synth
// time. The placeholder defaults let `cdktf synth` run without any cloud
// credentials; set the real values before `cdktf deploy`.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Construct } from 'constructs';

/** An environment variable, or the placeholder when it is unset or empty. */
export function setting(name: string, placeholder: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? placeholder : value;
}

/** A setting that may stay unset: the library then picks its default. */
export function optionalSetting(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** A comma-separated list from an environment variable. */
export function listSetting(name: string, placeholder: string): string[] {
  return setting(name, placeholder).split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * Where an example's alerts go (`<PREFIX>_ALERT_EMAIL`, e.g. `FLASK_ALERT_EMAIL`). AWS emails it a
 * confirmation link first; Cloudflare writes to it directly.
 */
export function alertEmail(prefix: string): string {
  return setting(`${prefix}_ALERT_EMAIL`, 'alerts@example.com');
}

/** What every example needs from Cloudflare. */
export interface CloudflareSettings {
  readonly accountId: string;
  readonly zoneId: string;
  readonly zoneName: string;
}

/** Cloudflare account and zone (`CLOUDFLARE_ACCOUNT_ID`, `CLOUDFLARE_ZONE_ID`, `CLOUDFLARE_ZONE_NAME`). */
export function cloudflareSettings(): CloudflareSettings {
  return {
    accountId: setting('CLOUDFLARE_ACCOUNT_ID', '0123456789abcdef0123456789abcdef'),
    zoneId: setting('CLOUDFLARE_ZONE_ID', 'fedcba9876543210fedcba9876543210'),
    zoneName: setting('CLOUDFLARE_ZONE_NAME', 'example.com'),
  };
}

/**
 * The three providers of every example. Credentials come from the usual
 * environment variables at plan time (`CLOUDFLARE_API_TOKEN`, the AWS SDK chain).
 */
export function configureProviders(scope: Construct): void {
  configureAwsProvider(scope);
  new CloudflareProvider(scope, 'cloudflare', {});
  new RandomProvider(scope, 'random');
}

/** The AWS provider alone (`AWS_REGION`), for stacks without Cloudflare resources. */
export function configureAwsProvider(scope: Construct): void {
  new AwsProvider(scope, 'aws', {
    region: setting('AWS_REGION', 'eu-west-1'),
    defaultTags: [{ tags: { 'managed-by': 'cdktf-zero-trust-fargate' } }],
  });
}
