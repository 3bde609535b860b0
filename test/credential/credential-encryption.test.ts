import { TerraformStack, TerraformVariable } from 'cdktf';
import { CredentialEncryption, TunnelCredentialParameter, TunnelCredentialParameterProps } from '../../src/credential';
import { onlyResource, resources, synth } from '../helpers';
import { Statement, statementsOf } from '../iam/policy-document';
import { rendered } from '../image/rendered';

const SECRET = 'eyJhIjoiYWNjb3VudCIsInQiOiJ0dW5uZWwiLCJzIjoic2VjcmV0In0=';
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/app-execution';
const OTHER_ROLE = 'arn:aws:iam::123456789012:role/other-execution';
const CI_ROLE = 'arn:aws:iam::123456789012:role/ci-deployer';

/** Terraform references to the data sources of the dedicated key, as they appear in the JSON. */
const PARTITION = /\$\{data\.aws_partition\.\w+\.partition\}/.source;
const DNS_SUFFIX = /\$\{data\.aws_partition\.\w+\.dns_suffix\}/.source;
const REGION = /\$\{data\.aws_region\.\w+\.region\}/.source;
const ACCOUNT = /\$\{data\.aws_caller_identity\.\w+\.account_id\}/.source;

/** Every key-administration action; none of them uses the key. */
const ADMIN_ACTIONS = [
  'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags', 'kms:ListKeyPolicies',
  'kms:ListKeyRotations', 'kms:ListGrants', 'kms:PutKeyPolicy', 'kms:EnableKey', 'kms:DisableKey',
  'kms:EnableKeyRotation', 'kms:DisableKeyRotation', 'kms:RotateKeyOnDemand', 'kms:TagResource', 'kms:UntagResource',
  'kms:UpdateKeyDescription', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:RevokeGrant', 'kms:RetireGrant',
  'kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias',
];

/** A credential in a fresh stack, after `build` ran on it (e.g. grants). */
function credential(
  props: Partial<TunnelCredentialParameterProps> = {},
  build: (credential: TunnelCredentialParameter, stack: TerraformStack) => void = () => undefined,
) {
  return synth((stack) => build(new TunnelCredentialParameter(stack, 'Credential', { value: SECRET, ...props }), stack));
}

/** The key policy's statements, by sid. */
function keyPolicy(doc: any): Record<string, Statement> {
  return Object.fromEntries(statementsOf(doc, 'KeyPolicy').map((statement) => [statement.sid, statement]));
}

/** The two conditions every use of the key carries: through SSM, for this parameter only. */
function throughSsmFor(parameterPath: string) {
  return [
    { test: 'StringEquals', variable: 'kms:ViaService', values: [expect.stringMatching(new RegExp(`^ssm\\.${REGION}\\.${DNS_SUFFIX}$`))] },
    {
      test: 'StringEquals',
      variable: 'kms:EncryptionContext:PARAMETER_ARN',
      values: [expect.stringMatching(new RegExp(`^arn:${PARTITION}:ssm:${REGION}:${ACCOUNT}:parameter/${parameterPath}$`))],
    },
  ];
}

describe('CredentialEncryption.dedicatedKey (the default)', () => {
  test('one new key with yearly rotation and a 30-day deletion window, named after the parameter', () => {
    const key = onlyResource(credential({ name: '/apps/grafana/tunnel' }).doc, 'aws_kms_key');
    expect(key.enable_key_rotation).toBe(true);
    expect(key.deletion_window_in_days).toBe(30);
    expect(key.description).toContain('/apps/grafana/tunnel');
    expect(key.policy).toMatch(/^\$\{data\.aws_iam_policy_document\.\w*KeyPolicy\w*\.json\}$/);
  });

  test('encrypts the parameter, whose kmsKeyArn is the key ARN', () => {
    const { doc } = credential();
    const keyId = Object.keys(resources(doc, 'aws_kms_key'))[0];
    expect(onlyResource(doc, 'aws_ssm_parameter').key_id).toBe(`\${aws_kms_key.${keyId}.arn}`);
    const [kmsKeyArn] = rendered((stack) => [new TunnelCredentialParameter(stack, 'Credential', { value: SECRET }).kmsKeyArn!]);
    expect(kmsKeyArn).toBe(`\${aws_kms_key.${keyId}.arn}`);
  });

  test('the policy has exactly the administration and deployer statements until a role is granted', () => {
    const { doc } = credential();
    const statements = keyPolicy(doc);
    expect(Object.keys(statements)).toEqual(['KeyAdministration', 'DeployerWriteAndRead']);
    expect(Object.values(statements).every((s) => s.effect === 'Allow' && s.resources!.join() === '*')).toBe(true);
  });

  test('the account administers the key but cannot use it', () => {
    const admin = keyPolicy(credential().doc).KeyAdministration;
    expect(admin.principals).toEqual([{ type: 'AWS', identifiers: [expect.stringMatching(new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:root$`))] }]);
    expect(admin.actions).toEqual(ADMIN_ACTIONS);
    for (const use of ['Encrypt', 'Decrypt', 'GenerateDataKey', 'ReEncrypt', 'CreateGrant']) {
      expect(admin.actions.filter((action) => action.includes(use))).toEqual([]);
    }
    expect(admin.condition).toBeUndefined();
  });

  test('the principal running Terraform (its role, for a session) writes and reads back, through SSM, this parameter only', () => {
    const { doc } = credential();
    const deployer = keyPolicy(doc).DeployerWriteAndRead;
    const [[sessionId, session]] = Object.entries<any>(doc.data.aws_iam_session_context);
    expect(session.arn).toMatch(/^\$\{data\.aws_caller_identity\.\w+\.arn\}$/);
    expect(deployer.principals).toEqual([{ type: 'AWS', identifiers: [`\${data.aws_iam_session_context.${sessionId}.issuer_arn}`] }]);
    expect(deployer.actions).toEqual(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']);
    expect(deployer.condition).toEqual(throughSsmFor('cloudflared/test/Credential/tunnel-token'));
  });

  test('deployerRoleArns, when given, are the whole list: the policy no longer follows whoever applied last', () => {
    const { doc } = credential({ encryption: CredentialEncryption.dedicatedKey({ deployerRoleArns: [CI_ROLE, OTHER_ROLE] }) });
    expect(keyPolicy(doc).DeployerWriteAndRead.principals![0].identifiers).toEqual([CI_ROLE, OTHER_ROLE]);
    // A plan by a principal missing from the list stops before it locks itself out.
    const [sessionId] = Object.keys(doc.data.aws_iam_session_context);
    const [root, listed] = Object.values<any>(doc.resource.aws_kms_key)[0].lifecycle.precondition;
    expect(listed).toEqual({
      condition: `\${contains(["${CI_ROLE}", "${OTHER_ROLE}"], data.aws_iam_session_context.${sessionId}.issuer_arn)}`,
      error_message: expect.stringMatching(/^The principal running Terraform \(\$\{data\.aws_iam_session_context\.\w+\.issuer_arn\}\) is not in deployerRoleArns.*docs\/security\.md/),
    });
    expect(root.condition).toContain(`endswith("${CI_ROLE}", ":root")`);
  });

  test('the account root is never a deployer: the plan stops and shows the ARN it saw', () => {
    const { doc } = credential({});
    const [sessionId] = Object.keys(doc.data.aws_iam_session_context);
    const preconditions = Object.values<any>(doc.resource.aws_kms_key)[0].lifecycle.precondition;
    expect(preconditions).toEqual([{
      // The root as `...:root`, a bare account id or `*`: a key policy reads each as the account root.
      condition: `\${!anytrue([((endswith(data.aws_iam_session_context.${sessionId}.issuer_arn, ":root") || `
        + `can(regex("^[0-9]{12}$", data.aws_iam_session_context.${sessionId}.issuer_arn))) || `
        + `(data.aws_iam_session_context.${sessionId}.issuer_arn == "*"))])}`,
      error_message: expect.stringMatching(new RegExp(`^Terraform runs as \\(or deployerRoleArns names\\) the account root \\(\\$\\{data\\.aws_iam_session_context\\.${sessionId}\\.issuer_arn\\}\\).*every IAM principal of the account`)),
    }]);
  });

  test('grantDecrypt adds each role once to ExecutionRoleDecrypt: kms:Decrypt only, through SSM, this parameter only', () => {
    const { doc } = credential({}, (c) => {
      c.grantDecrypt(EXECUTION_ROLE);
      c.grantDecrypt(OTHER_ROLE);
      c.grantDecrypt(EXECUTION_ROLE);
    });
    const statements = keyPolicy(doc);
    expect(Object.keys(statements)).toEqual(['KeyAdministration', 'DeployerWriteAndRead', 'ExecutionRoleDecrypt']);
    expect(statements.ExecutionRoleDecrypt.principals).toEqual([{ type: 'AWS', identifiers: [EXECUTION_ROLE, OTHER_ROLE] }]);
    expect(statements.ExecutionRoleDecrypt.actions).toEqual(['kms:Decrypt']);
    expect(statements.ExecutionRoleDecrypt.condition).toEqual(throughSsmFor('cloudflared/test/Credential/tunnel-token'));
  });

  test('builds the parameter ARN from the name, never from the parameter (which would be a cycle)', () => {
    const { doc } = credential({ name: 'tunnel-token' });
    expect(JSON.stringify(statementsOf(doc, 'KeyPolicy'))).not.toContain('aws_ssm_parameter');
    expect(keyPolicy(doc).DeployerWriteAndRead.condition).toEqual(throughSsmFor('tunnel-token'));
  });

  test('a name given as a token loses its leading slash in Terraform', () => {
    const { doc } = synth((stack) => {
      const name = new TerraformVariable(stack, 'parameter_name', { type: 'string' });
      new TunnelCredentialParameter(stack, 'Credential', { value: SECRET, name: name.stringValue });
    });
    const [, context] = keyPolicy(doc).DeployerWriteAndRead.condition!;
    expect(context.values).toEqual([expect.stringMatching(/:parameter\/\$\{trimprefix\(var\.parameter_name, "\/"\)\}$/)]);
  });

  test('the key carries the parameter tags', () => {
    expect(onlyResource(credential({ tags: { app: 'grafana' } }).doc, 'aws_kms_key').tags).toEqual({ app: 'grafana' });
  });

  test('one CredentialEncryption used for two parameters makes one key each', () => {
    const encryption = CredentialEncryption.dedicatedKey();
    const { doc } = synth((stack) => {
      new TunnelCredentialParameter(stack, 'A', { value: SECRET, name: '/a', encryption });
      new TunnelCredentialParameter(stack, 'B', { value: SECRET, name: '/b', encryption });
    });
    expect(Object.values<any>(resources(doc, 'aws_kms_key')).map((key) => key.description)).toEqual([
      expect.stringMatching(/ \/a$/), expect.stringMatching(/ \/b$/),
    ]);
  });

  test('rejects a deployer that is an STS session, naming the property, the value and what is allowed', () => {
    const session = 'arn:aws:sts::123456789012:assumed-role/ci/session';
    expect(() => CredentialEncryption.dedicatedKey({ deployerRoleArns: [CI_ROLE, session] }))
      .toThrow(`Invalid deployerRoleArns[1]: "${session}". Expected an IAM role or user ARN (not an STS session ARN), e.g. "arn:aws:iam::123456789012:role/ci-deployer".`);
  });
});

describe('CredentialEncryption.existingKey', () => {
  test('encrypts with the given key and creates no key or key policy; grantDecrypt changes nothing', () => {
    let kmsKeyArn: string | undefined;
    const { doc } = credential({ encryption: CredentialEncryption.existingKey(KEY_ARN) }, (c) => {
      kmsKeyArn = c.kmsKeyArn;
      c.grantDecrypt(EXECUTION_ROLE);
    });
    expect(onlyResource(doc, 'aws_ssm_parameter').key_id).toBe(KEY_ARN);
    expect(kmsKeyArn).toBe(KEY_ARN);
    expect(resources(doc, 'aws_kms_key')).toEqual({});
    expect(doc.data).toBeUndefined();
  });

  test('rejects an alias, naming the property, the value and what is allowed', () => {
    expect(() => CredentialEncryption.existingKey('alias/aws/ssm'))
      .toThrow('Invalid kmsKeyArn: "alias/aws/ssm". Expected a KMS key ARN (not an alias), e.g. "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".');
  });
});

describe('CredentialEncryption.awsManagedKey', () => {
  test('uses alias/aws/ssm: no key_id, no key, no key policy; grantDecrypt changes nothing', () => {
    let kmsKeyArn: string | undefined = 'unset';
    const { doc } = credential({ encryption: CredentialEncryption.awsManagedKey() }, (c) => {
      kmsKeyArn = c.kmsKeyArn;
      c.grantDecrypt(EXECUTION_ROLE);
    });
    expect(onlyResource(doc, 'aws_ssm_parameter').key_id).toBeUndefined();
    expect(kmsKeyArn).toBeUndefined();
    expect(resources(doc, 'aws_kms_key')).toEqual({});
    expect(doc.data).toBeUndefined();
  });
});
