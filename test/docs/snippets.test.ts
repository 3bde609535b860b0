// Snippets of the docs that are not examples of their own: each is a file under
// examples/snippets/ (type-checked with the test task, shown byte-identical in
// the doc, see code-blocks.test.ts), and here it synthesizes what the doc says.
import { Testing } from 'cdktf';
import { StateInS3Stack } from '../../examples/snippets/s3-backend';

test('docs/deploying.md: the S3 backend keeps the state encrypted and locks with a file', () => {
  const doc = JSON.parse(Testing.synth(new StateInS3Stack(Testing.app(), 'admin-panel')));
  expect(doc.terraform.backend).toEqual({
    s3: {
      bucket: 'acme-terraform-state',
      key: 'admin-panel/terraform.tfstate',
      region: 'eu-west-1',
      encrypt: true,
      use_lockfile: true,
    },
  });
});
