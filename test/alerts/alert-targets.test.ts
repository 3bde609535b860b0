// Alert targets check their input where the user writes it: in the static factory.
import { TerraformVariable } from 'cdktf';
import { AwsAlertTarget, CloudflareAlertTarget, ValidationErrors } from '../../src';
import { newStack, raisedAs } from '../helpers';

describe('AwsAlertTarget', () => {
  test('email keeps the address and makes a topic later', () => {
    const target = AwsAlertTarget.email('ops@example.com');
    expect([target.emailAddress, target.topicArn]).toEqual(['ops@example.com', undefined]);
  });

  test('snsTopic keeps the ARN', () => {
    const target = AwsAlertTarget.snsTopic('arn:aws:sns:eu-west-1:123456789012:ops-alerts');
    expect([target.emailAddress, target.topicArn]).toEqual([undefined, 'arn:aws:sns:eu-west-1:123456789012:ops-alerts']);
  });

  test('tokens pass', () => {
    const text = new TerraformVariable(newStack(), 'x', { type: 'string' }).stringValue;
    expect(() => AwsAlertTarget.email(text)).not.toThrow();
    expect(() => AwsAlertTarget.snsTopic(text)).not.toThrow();
  });

  test('rejects a string that is no email address', () => {
    expect(raisedAs('value', AwsAlertTarget.email('ops'))).toThrow(/^Invalid value: "ops"\. Expected an email address/);
  });

  test('rejects a FIFO topic, to which alarms cannot publish', () => {
    expect(raisedAs('value', AwsAlertTarget.snsTopic('arn:aws:sns:eu-west-1:123456789012:ops.fifo')))
      .toThrow(/^Invalid value: "arn:aws:sns:eu-west-1:123456789012:ops\.fifo"\. Expected the ARN of a standard SNS topic/);
  });

  test('rejects a topic name instead of an ARN', () => {
    let error: any;
    try {
      raisedAs('alerts.aws', AwsAlertTarget.snsTopic('ops-alerts'))();
    } catch (e) {
      error = e;
    }
    expect(ValidationErrors.propertyOf(error)).toBe('alerts.aws');
  });
});

describe('CloudflareAlertTarget', () => {
  test('email and webhook keep their value', () => {
    expect(CloudflareAlertTarget.email('ops@example.com').emailAddress).toBe('ops@example.com');
    expect(CloudflareAlertTarget.webhook('b115d5ec15c641ee8b7692c449b5227b').webhookId).toBe('b115d5ec15c641ee8b7692c449b5227b');
    expect(CloudflareAlertTarget.webhook('b115d5ec-15c6-41ee-8b76-92c449b5227b').webhookId).toBe('b115d5ec-15c6-41ee-8b76-92c449b5227b');
  });

  test('rejects a string that is no email address', () => {
    expect(raisedAs('value', CloudflareAlertTarget.email('ops@'))).toThrow(/^Invalid value: "ops@"\./);
  });

  test('rejects a webhook URL instead of a destination id', () => {
    expect(raisedAs('value', CloudflareAlertTarget.webhook('https://hooks.slack.com/x')))
      .toThrow(/^Invalid value: "https:\/\/hooks\.slack\.com\/x"\. Expected the id of a webhook destination/);
  });
});
