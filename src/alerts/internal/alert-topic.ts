/**
 * The SNS topic made for an email target: encrypted with a KMS key of its own, with the email
 * subscription and a topic policy for exactly the publishers of the alerts. Internal: not part of the
 * public API; users get it through `AwsAlertTarget.email`.
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatementCondition } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';

/** Properties of an `AlertTopic`. */
export interface AlertTopicProps {
  /** Name of the topic. */
  readonly name: string;

  /** The address that gets an email subscription. */
  readonly emailAddress: string;

  /** ARNs of the EventBridge rules that may publish; CloudWatch alarms of the account and region may too. */
  readonly eventRuleArns: string[];
}

/** What the publishing services need of the key: a data key to encrypt each message with. */
const PUBLISH_KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey*'];

/** The encrypted topic, its key, its policy and the email subscription. */
export class AlertTopic extends Construct {
  /** ARN of the topic. */
  public readonly topicArn: string;

  /** The `aws_sns_topic`. */
  public readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    const account = new DataAwsCallerIdentity(this, 'Account');
    const partition = new DataAwsPartition(this, 'Partition');
    const region = new DataAwsRegion(this, 'Region');
    const alarmsOfThisAccount: DataAwsIamPolicyDocumentStatementCondition[] = [
      { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] },
      { test: 'ArnLike', variable: 'aws:SourceArn', values: [`arn:${partition.partition}:cloudwatch:${region.region}:${account.accountId}:alarm:*`] },
    ];

    // The AWS-managed key alias/aws/sns lets no AWS service use it, so alarms and events could not
    // publish to a topic it encrypts: the topic needs a customer-managed key that allows them.
    const keyPolicy = new DataAwsIamPolicyDocument(this, 'KeyPolicy', {
      statement: [
        {
          // The default key policy: IAM policies of the account decide who else may use the key.
          // Alert messages are no secret; the key exists so that the topic is encrypted at rest.
          sid: 'EnableIamPolicies',
          effect: 'Allow',
          principals: [{ type: 'AWS', identifiers: [`arn:${partition.partition}:iam::${account.accountId}:root`] }],
          actions: ['kms:*'],
          resources: ['*'],
        },
        {
          sid: 'CloudWatchAlarmsPublish',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
          actions: PUBLISH_KEY_ACTIONS,
          resources: ['*'],
          condition: alarmsOfThisAccount,
        },
        {
          // EventBridge sends no aws:SourceArn or aws:SourceAccount to KMS: a condition on them would
          // drop every event. The topic policy below limits which rules may publish.
          sid: 'EventBridgePublish',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
          actions: PUBLISH_KEY_ACTIONS,
          resources: ['*'],
        },
      ],
    });
    const key = new KmsKey(this, 'Key', {
      description: `Encrypts the alert topic ${props.name}`,
      enableKeyRotation: true,
      // SNS keeps a message only until it is delivered, so nothing lasting depends on the key.
      deletionWindowInDays: 7,
      policy: keyPolicy.json,
    });

    this.topic = new SnsTopic(this, 'Topic', {
      name: props.name,
      kmsMasterKeyId: key.arn,
    });
    this.topicArn = this.topic.arn;

    const topicPolicy = new DataAwsIamPolicyDocument(this, 'TopicPolicy', {
      statement: [
        {
          sid: 'CloudWatchAlarms',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
          actions: ['sns:Publish'],
          resources: [this.topic.arn],
          condition: alarmsOfThisAccount,
        },
        {
          sid: 'EcsEventRules',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
          actions: ['sns:Publish'],
          resources: [this.topic.arn],
          condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: props.eventRuleArns }],
        },
      ],
    });
    new SnsTopicPolicy(this, 'Policy', { arn: this.topic.arn, policy: topicPolicy.json });

    // Pending until the recipient follows the link in AWS's confirmation email.
    new SnsTopicSubscription(this, 'Email', {
      topicArn: this.topic.arn,
      protocol: 'email',
      endpoint: props.emailAddress,
    });
  }
}
