import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { CredentialEncryption, TunnelCredentialFormat, TunnelCredentialParameter } from '../../src/credential';
import { newStack, onlyResource, synth } from '../helpers';
import { rendered } from '../image/rendered';

const SECRET = 'eyJhIjoiYWNjb3VudCIsInQiOiJ0dW5uZWwiLCJzIjoic2VjcmV0In0=';
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const PARAMETER_ARN = 'arn:aws:ssm:eu-west-1:123456789012:parameter/cloudflared/tunnel-token';
const CREDENTIALS_JSON = JSON.stringify({ AccountTag: 'acc', TunnelSecret: 'c2VjcmV0', TunnelID: 'a-b-c' });

describe('TunnelCredentialParameter', () => {
  test('snapshot with defaults', () => {
    const { json } = synth((stack) => {
      const token = new TerraformVariable(stack, 'tunnel_token', { type: 'string', sensitive: true });
      new TunnelCredentialParameter(stack, 'Credential', { value: token.stringValue });
    });
    expect(json).toMatchSnapshot();
  });

  test('a Standard SecureString with its own KMS key and a derived name', () => {
    const { doc } = synth((stack) => new TunnelCredentialParameter(new Construct(stack, 'Grafana'), 'Credential', { value: SECRET }));
    const parameter = onlyResource(doc, 'aws_ssm_parameter');
    expect(parameter.type).toBe('SecureString');
    expect(parameter.tier).toBe('Standard');
    expect(parameter.key_id).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
    expect(parameter.name).toBe('/cloudflared/test/Grafana-Credential/tunnel-token');
  });

  test('the value is marked sensitive and appears nowhere but in the parameter', () => {
    const { doc, json } = synth((stack) => new TunnelCredentialParameter(stack, 'Credential', { value: SECRET }));
    expect(onlyResource(doc, 'aws_ssm_parameter').value).toBe(`\${sensitive("${SECRET}")}`);
    expect(doc.output).toBeUndefined();
    expect(json.split(SECRET)).toHaveLength(2);
  });

  test('a customer-managed KMS key, name, description and tags', () => {
    const { doc } = synth((stack) => {
      const credential = new TunnelCredentialParameter(stack, 'Credential', {
        value: SECRET, encryption: CredentialEncryption.existingKey(KEY_ARN), name: '/apps/grafana/tunnel', description: 'grafana tunnel', tags: { app: 'grafana' },
      });
      expect(credential.kmsKeyArn).toBe(KEY_ARN);
      expect(credential.format).toBe(TunnelCredentialFormat.TOKEN);
    });
    const parameter = onlyResource(doc, 'aws_ssm_parameter');
    expect(parameter.key_id).toBe(KEY_ARN);
    expect(parameter.name).toBe('/apps/grafana/tunnel');
    expect(parameter.description).toBe('grafana tunnel');
    expect(parameter.tags).toEqual({ app: 'grafana' });
  });

  test('exposes ARN and name as references', () => {
    const [arn, name] = rendered((stack) => {
      const credential = new TunnelCredentialParameter(stack, 'Credential', { value: SECRET });
      return [credential.parameterArn, credential.parameterName];
    });
    expect(arn).toMatch(/^\$\{aws_ssm_parameter\.\w+\.arn\}$/);
    expect(name).toMatch(/^\$\{aws_ssm_parameter\.\w+\.name\}$/);
  });

  test('credentials-file JSON gets its own default name and format', () => {
    const { doc } = synth((stack) => {
      const credential = new TunnelCredentialParameter(stack, 'Credential', { value: CREDENTIALS_JSON, format: TunnelCredentialFormat.CREDENTIALS_FILE });
      expect(credential.format).toBe(TunnelCredentialFormat.CREDENTIALS_FILE);
    });
    expect(onlyResource(doc, 'aws_ssm_parameter').name).toBe('/cloudflared/test/Credential/tunnel-credentials');
  });

  describe('rejects bad input before creating anything', () => {
    test.each([
      ['a reserved aws prefix', '/aws/tunnel'],
      ['a reserved ssm prefix', 'ssm-token'],
      ['a slash without a leading slash', 'cloudflared/token'],
      ['an empty level', '/cloudflared//token'],
      ['a trailing slash', '/cloudflared/'],
      ['a space', '/cloudflared/my token'],
      ['16 levels', `/${Array(16).fill('a').join('/')}`],
      ['more than 1011 characters', `/${'a'.repeat(1011)}`],
    ])('malformed name (%s)', (_what, name) => {
      const stack = newStack();
      expect(() => new TunnelCredentialParameter(stack, 'Credential', { value: SECRET, name })).toThrow(/Invalid name: .*SSM parameter name/);
      expect(stack.node.findChild('Credential').node.children).toHaveLength(0);
    });

    test('an empty value', () => {
      expect(() => new TunnelCredentialParameter(newStack(), 'Credential', { value: ' ' })).toThrow(/Invalid value: .*tunnel credential/);
    });

    test('credentials-file format with a value that is not the credentials JSON, without echoing it', () => {
      const create = () => new TunnelCredentialParameter(newStack(), 'Credential', { value: SECRET, format: TunnelCredentialFormat.CREDENTIALS_FILE });
      expect(create).toThrow(/Invalid value: "<redacted>".*AccountTag, TunnelSecret, TunnelID/);
      expect(create).not.toThrow(new RegExp(SECRET));
    });
  });
});

describe('TunnelCredentialParameter.fromExisting', () => {
  test('refers to the given parameter, TOKEN by default', () => {
    const credential = TunnelCredentialParameter.fromExisting({ parameterArn: PARAMETER_ARN, parameterName: '/cloudflared/tunnel-token' });
    expect(credential.parameterArn).toBe(PARAMETER_ARN);
    expect(credential.parameterName).toBe('/cloudflared/tunnel-token');
    expect(credential.format).toBe(TunnelCredentialFormat.TOKEN);
    expect(credential.kmsKeyArn).toBeUndefined();
  });

  test('grantDecrypt adds nothing: the owner of the parameter manages its key policy', () => {
    const { doc } = synth(() => {
      TunnelCredentialParameter.fromExisting({ parameterArn: PARAMETER_ARN, parameterName: '/cloudflared/tunnel-token', kmsKeyArn: KEY_ARN })
        .grantDecrypt('arn:aws:iam::123456789012:role/app-execution');
    });
    expect(doc.resource).toBeUndefined();
    expect(doc.data).toBeUndefined();
  });

  test('keeps format and KMS key', () => {
    const credential = TunnelCredentialParameter.fromExisting({
      parameterArn: PARAMETER_ARN, parameterName: '/cloudflared/tunnel-token', format: TunnelCredentialFormat.CREDENTIALS_FILE, kmsKeyArn: KEY_ARN,
    });
    expect(credential.format).toBe(TunnelCredentialFormat.CREDENTIALS_FILE);
    expect(credential.kmsKeyArn).toBe(KEY_ARN);
  });

  test('rejects a malformed parameter ARN', () => {
    expect(() => TunnelCredentialParameter.fromExisting({ parameterArn: 'arn:aws:ssm:eu-west-1:123456789012:parameter/*', parameterName: '/x' }))
      .toThrow(/Invalid parameterArn: .*SSM parameter ARN/);
  });

  test('rejects a name that does not match the ARN', () => {
    expect(() => TunnelCredentialParameter.fromExisting({ parameterArn: PARAMETER_ARN, parameterName: '/other' }))
      .toThrow(/Invalid parameterName: "\/other".*"\/cloudflared\/tunnel-token"/);
  });

  test('rejects a KMS alias', () => {
    expect(() => TunnelCredentialParameter.fromExisting({ parameterArn: PARAMETER_ARN, parameterName: '/cloudflared/tunnel-token', kmsKeyArn: 'alias/x' }))
      .toThrow(/Invalid kmsKeyArn: /);
  });
});
