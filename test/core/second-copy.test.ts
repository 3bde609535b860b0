// A second copy of cdktf in one app: what happens when the library is used from a CDK Terrain (cdktn) app
// through an npm alias, or when the provider packages resolve their own cdktf. Objects of one copy are no
// instances of the other copy's classes, so the library must tell resources and outputs apart by cdktf's
// symbols (`TerraformResource.isTerraformResource`, `TerraformOutput.isTerraformOutput`), not `instanceof`.
import * as cdktf from 'cdktf';
import { TerraformOutput, TerraformResource, Testing } from 'cdktf';
import * as constructs from 'constructs';
import { ValidationError } from '../../src/core/validation';
import { ValidationErrors } from '../../src/core/validation-errors';
import { TunnelFargateService, TunnelFargateServiceProps } from '../../src/service';
import { newStack } from '../helpers';
import { serviceProps } from '../service/fixtures';

/** The IAM resource types the service creates, for the modules of the second copy. */
const IAM_MODULES = ['iam-role', 'iam-role-policy', 'iam-role-policy-attachment', 'data-aws-iam-policy-document', 'data-aws-caller-identity'];

/**
 * A second copy of cdktf (with this test's `constructs`), and a copy of the library whose IAM resources come
 * from the AWS provider built on that second copy while the library's own code uses the first one.
 */
function secondCopy(): { cdktf: typeof cdktf; service: typeof import('../../src/service') } {
  let copy: { cdktf: typeof cdktf; service: typeof import('../../src/service') } | undefined;
  jest.isolateModules(() => {
    jest.doMock('constructs', () => constructs);
    /* eslint-disable @typescript-eslint/no-require-imports */
    const other = require('cdktf') as typeof cdktf;
    IAM_MODULES.forEach((module) => require(`@cdktf/provider-aws/lib/${module}`));
    jest.doMock('cdktf', () => cdktf);
    copy = { cdktf: other, service: require('../../src/service') as typeof import('../../src/service') };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  jest.dontMock('cdktf');
  jest.dontMock('constructs');
  return copy!;
}

const other = secondCopy();

/** The `depends_on` of the service's `aws_ecs_service`. */
function serviceDependsOn(stack: cdktf.TerraformStack): string[] {
  const services = JSON.parse(Testing.synth(stack)).resource.aws_ecs_service;
  return Object.values(services as Record<string, any>)[0].depends_on;
}

describe('a second copy of cdktf', () => {
  test('is a copy: its classes are not the first copy\'s', () => {
    expect(other.cdktf.TerraformResource).not.toBe(TerraformResource);
    expect(other.cdktf.TerraformOutput).not.toBe(TerraformOutput);
  });

  test('the service still depends on its IAM roles and policies when they come from the second copy', () => {
    const expected = serviceDependsOn(((stack) => {
      new TunnelFargateService(stack, 'web', serviceProps());
      return stack;
    })(newStack()));
    expect(expected).toEqual([
      expect.stringMatching(/^aws_iam_role\.web_execution-role_Role_/),
      expect.stringMatching(/^aws_iam_role_policy\.web_execution-role_Policy_/),
      expect.stringMatching(/^aws_iam_role\.web_task-role_Role_/),
    ]);

    const stack = newStack();
    const service = new other.service.TunnelFargateService(stack, 'web', serviceProps() as unknown as TunnelFargateServiceProps);
    // The roles really are of the second copy: `instanceof` against the first one misses them.
    expect(service.executionRole.role instanceof TerraformResource).toBe(false);
    expect(service.executionRole.role instanceof other.cdktf.TerraformResource).toBe(true);
    expect(serviceDependsOn(stack)).toEqual(expected);
  });

  test('an output of the second copy that overwrites one of the library\'s still fails the synth', () => {
    const stack = newStack();
    new TunnelFargateService(stack, 'web', serviceProps());
    const output = new other.cdktf.TerraformOutput(stack, 'mine', { value: 'elsewhere' });
    output.overrideLogicalId('service_name');
    expect(output instanceof TerraformOutput).toBe(false);
    expect(() => Testing.synth(stack, true)).toThrow(/The Terraform output "service_name" of test\/mine overwrites the one of test\/web/);
  });
});

describe('a second copy of the library', () => {
  test('its input errors are still recognised (a brand, not instanceof)', () => {
    let errorOfCopy: unknown;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const validation = require('../../src/core/validation') as typeof import('../../src/core/validation');
      errorOfCopy = new validation.ValidationError('cpu', '3', 'Expected 256.');
    });
    expect(errorOfCopy instanceof ValidationError).toBe(false);
    expect(ValidationErrors.isValidationError(errorOfCopy)).toBe(true);
    expect(ValidationErrors.propertyOf(errorOfCopy)).toBe('cpu');
    expect(ValidationErrors.isValidationError(new Error('Invalid cpu: 3.'))).toBe(false);
  });
});
