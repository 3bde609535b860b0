// docs/deploying.md: the quick start's stack with its Terraform state in an
// encrypted S3 bucket. In your stack.ts, add the backend right after
// `super(scope, id)`, before anything else.
import { S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

export class StateInS3Stack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const backend = new S3Backend(this, {
      bucket: 'acme-terraform-state', // a bucket only the deployers can read
      key: `${id}/terraform.tfstate`,
      region: 'eu-west-1',
      encrypt: true,
    });
    // Terraform 1.10 or newer locks with a file next to the state; cdktf 0.21's
    // S3Backend has no prop for it. Older Terraform: drop this line and give
    // `dynamodbTable: 'terraform-locks'` (a DynamoDB table for locks) instead.
    backend.addOverride('use_lockfile', true);

    // ... the providers and the ZeroTrustFargateService, as in the quick start
  }
}
