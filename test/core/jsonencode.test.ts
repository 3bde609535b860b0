// User text inside a container definition goes through `${jsonencode(...)}`, an HCL expression.
// cdktf escapes only newlines and `${` there: quotes, backslashes and `%{` must be escaped too,
// or the plan fails (or a template directive runs). The expected HCL below was read back with
// `terraform console` (jsondecode of the expression) and gave the original values exactly.
import { TerraformVariable } from 'cdktf';
import { ContainerImage, ZeroTrustFargateService } from '../../src';
import { onlyResource, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

function containerDefinitions(): string {
  const { doc } = synth((stack) => {
    const greeting = new TerraformVariable(stack, 'greeting', { type: 'string' });
    new ZeroTrustFargateService(stack, 'admin', {
      ...PATTERN_PROPS,
      app: {
        image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'),
        port: 8080,
        environment: {
          JSON: '{"a":"b\\c"}',
          LINES: 'line1\nline2',
          DOLLAR: '${not_interpolated}',
          DIRECTIVE: '%{ if true }x%{ endif }',
          MIXED: `pre-${greeting.stringValue}-"post"`,
        },
        command: ['sh', '-c', 'echo "hi" \\ done'],
      },
    });
  });
  return onlyResource(doc, 'aws_ecs_task_definition').container_definitions;
}

/** `@{` stands for `${`, which a template literal would interpolate. */
const dollar = (text: string) => text.replace(/@\{/g, '${');

test.each([
  ['quotes and a backslash', String.raw`{"name" = "JSON", "value" = "{\"a\":\"b\\c\"}"}`],
  ['a newline', String.raw`{"name" = "LINES", "value" = "line1\nline2"}`],
  ['a literal ${', dollar(String.raw`{"name" = "DOLLAR", "value" = "$@{not_interpolated}"}`)],
  ['a literal %{', String.raw`{"name" = "DIRECTIVE", "value" = "%%{ if true }x%%{ endif }"}`],
  ['a reference between literal parts, which stays a reference', dollar(String.raw`{"name" = "MIXED", "value" = "pre-@{var.greeting}-\"post\""}`)],
  ['quotes in a command', String.raw`"command" = ["sh", "-c", "echo \"hi\" \\ done"]`],
])('an environment value or command with %s is escaped for HCL', (_, expected) => {
  expect(containerDefinitions()).toContain(expected);
});

test('references to other resources are written as references, not strings', () => {
  expect(containerDefinitions()).toMatch(/"valueFrom" = aws_ssm_parameter\.\w+\.arn/);
});
