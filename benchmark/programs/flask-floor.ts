// (b) The floor: the Flask example's infrastructure written by hand in plain
// cdktf, the way an experienced user would without the library. It creates
// the same resources, data sources and outputs with the same values, so the
// difference to (a) is the library's own cost.
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsEcrImage } from '@cdktf/provider-aws/lib/data-aws-ecr-image';
import { DataAwsEcrRepository } from '@cdktf/provider-aws/lib/data-aws-ecr-repository';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsIamSessionContext } from '@cdktf/provider-aws/lib/data-aws-iam-session-context';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { DataCloudflareZeroTrustOrganization } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zero-trust-organization';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { NotificationPolicy } from '@cdktf/provider-cloudflare/lib/notification-policy';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { ZeroTrustAccessApplication } from '@cdktf/provider-cloudflare/lib/zero-trust-access-application';
import { ZeroTrustAccessPolicy } from '@cdktf/provider-cloudflare/lib/zero-trust-access-policy';
import { ZeroTrustTunnelCloudflared } from '@cdktf/provider-cloudflare/lib/zero-trust-tunnel-cloudflared';
import { ZeroTrustTunnelCloudflaredConfigA } from '@cdktf/provider-cloudflare/lib/zero-trust-tunnel-cloudflared-config';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { App, Fn, TerraformOutput, TerraformStack, Token } from 'cdktf';
import { freshOutdir, report } from './measure';

const accountId = '0123456789abcdef0123456789abcdef';
const zoneId = 'fedcba9876543210fedcba9876543210';
const hostname = 'flask.example.com';

const outdir = freshOutdir();
const app = new App({ outdir });
const stack = new TerraformStack(app, 'flask');

new AwsProvider(stack, 'aws', {
  region: 'eu-west-1',
  defaultTags: [{ tags: { 'managed-by': 'cdktf-zero-trust-fargate' } }],
});
new CloudflareProvider(stack, 'cloudflare', {});
new RandomProvider(stack, 'random');

// The ECR repositories of the app and the copy of cloudflared live in a
// stack of their own; here they are looked up by name, with the pinned image
// of each, so the plan fails while a repository or an image is missing.
const flaskTag = '1.0.0';
const cloudflaredTag = '2026.8.2';
const flaskRepository = new DataAwsEcrRepository(stack, 'flask-repository', { name: 'flask' });
new DataAwsEcrImage(stack, 'flask-image', { repositoryName: 'flask', imageTag: flaskTag });
const cloudflaredRepository = new DataAwsEcrRepository(stack, 'cloudflared-repository', { name: 'cloudflared' });
new DataAwsEcrImage(stack, 'cloudflared-image', { repositoryName: 'cloudflared', imageTag: cloudflaredTag });

// Cloudflare Access: one allow policy in front of the hostname. A new policy
// is created before the old one goes, so the application is never left open.
const allowPolicy = new ZeroTrustAccessPolicy(stack, 'access-policy', {
  accountId,
  name: 'flask allow',
  decision: 'allow',
  include: [{ email: { email: 'alice@example.com' } }, { email: { email: 'bob@example.com' } }],
  sessionDuration: '24h',
  lifecycle: { createBeforeDestroy: true },
});
const accessApplication = new ZeroTrustAccessApplication(stack, 'access-application', {
  accountId,
  name: 'Flask',
  type: 'self_hosted',
  domain: hostname,
  destinations: [{ type: 'public', uri: hostname }],
  policies: [{ id: allowPolicy.id, precedence: 1 }],
  sessionDuration: '24h',
  appLauncherVisible: true,
  autoRedirectToIdentity: false,
  logoUrl: 'https://flask.palletsprojects.com/en/stable/_static/flask-icon.svg',
  // The session cookie: HttpOnly, SameSite=Lax, no binding cookie.
  httpOnlyCookieAttribute: true,
  sameSiteCookieAttribute: 'lax',
  enableBindingCookie: false,
});

// Cloudflare Tunnel, its ingress rules and the CNAME to it.
// Routes wait for Access, and cloudflared checks the Access token at the
// origin too, with the team name taken from the Zero Trust organization.
const accessGuards = [accessApplication, allowPolicy];
const organization = new DataCloudflareZeroTrustOrganization(stack, 'organization', { accountId });
const teamDomainSuffix = '.cloudflareaccess.com';
const tunnelSecret = new Password(stack, 'tunnel-secret', { length: 64, special: false });
const tunnel = new ZeroTrustTunnelCloudflared(stack, 'tunnel', {
  accountId,
  name: 'flask',
  configSrc: 'cloudflare',
  tunnelSecret: Fn.sensitive(Fn.base64sha256(tunnelSecret.result)),
});
new ZeroTrustTunnelCloudflaredConfigA(stack, 'tunnel-config', {
  accountId,
  tunnelId: tunnel.id,
  config: {
    ingress: [
      {
        hostname,
        service: 'http://localhost:5000',
        originRequest: {
          access: {
            required: true,
            teamName: Fn.trimsuffix(organization.authDomain, teamDomainSuffix),
            audTag: [accessApplication.aud],
          },
        },
      },
      { service: 'http_status:404' },
    ],
  },
  dependsOn: accessGuards,
  lifecycle: {
    precondition: [{
      condition: Fn.endswith(organization.authDomain, teamDomainSuffix),
      errorMessage: `The Zero Trust organization's auth_domain does not end in ${teamDomainSuffix}, so the team name for the `
        + 'origin Access check cannot be derived from it. Set the team name explicitly (zeroTrustTeamName).',
    }],
  },
});
new DnsRecord(stack, 'tunnel-cname', {
  zoneId,
  name: hostname,
  type: 'CNAME',
  content: `${tunnel.id}.cfargotunnel.com`,
  proxied: true,
  ttl: 1,
  dependsOn: accessGuards,
});

// VPC over two zones: private subnets for the tasks, public ones for one NAT gateway.
// No state filter, so the zone list keeps its order; subnets keep the zone they were created in.
const zones = new DataAwsAvailabilityZones(stack, 'availability-zones', {
  filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
  lifecycle: {
    postcondition: [{
      condition: '${length(self.names) >= 2}',
      errorMessage: 'PrivateNetwork needs 2 availability zones in this region; set availabilityZoneCount or availabilityZones.',
    }],
  },
});
const zone = (index: number) => Fn.element(zones.names, index);
const vpc = new Vpc(stack, 'vpc', {
  cidrBlock: '10.0.0.0/16',
  enableDnsSupport: true,
  enableDnsHostnames: true,
  tags: { Name: 'flask-vpc' },
});
new DefaultSecurityGroup(stack, 'default-security-group', {
  vpcId: vpc.id,
  ingress: [],
  egress: [],
  tags: { Name: 'flask-default-no-rules' },
});
const internetGateway = new InternetGateway(stack, 'internet-gateway', { vpcId: vpc.id, tags: { Name: 'flask-igw' } });
const publicRouteTable = new RouteTable(stack, 'public-route-table', { vpcId: vpc.id, tags: { Name: 'flask-public' } });
const publicDefaultRoute = new Route(stack, 'public-default-route', {
  routeTableId: publicRouteTable.id,
  destinationCidrBlock: '0.0.0.0/0',
  gatewayId: internetGateway.id,
});
const publicCidrs = ['10.0.128.0/20', '10.0.144.0/20'];
const publicSubnets = publicCidrs.map((cidrBlock, i) => {
  const subnet = new Subnet(stack, `public-subnet-${i}`, {
    vpcId: vpc.id,
    cidrBlock,
    availabilityZone: zone(i),
    mapPublicIpOnLaunch: false,
    tags: { Name: `flask-public-${zone(i)}` },
    lifecycle: { ignoreChanges: ['availability_zone'] },
  });
  new RouteTableAssociation(stack, `public-subnet-${i}-routes`, {
    subnetId: subnet.id,
    routeTableId: publicRouteTable.id,
    dependsOn: [publicDefaultRoute],
  });
  return subnet;
});
const natIp = new Eip(stack, 'nat-eip', {
  domain: 'vpc',
  tags: { Name: `flask-nat-${zone(0)}` },
  dependsOn: [internetGateway],
  lifecycle: { createBeforeDestroy: true },
});
const natGateway = new NatGateway(stack, 'nat-gateway', {
  allocationId: natIp.allocationId,
  subnetId: publicSubnets[0].id,
  tags: { Name: `flask-nat-${zone(0)}` },
  dependsOn: [internetGateway],
  lifecycle: { createBeforeDestroy: true },
});
const privateCidrs = ['10.0.0.0/20', '10.0.16.0/20'];
// The tasks' subnet ids come from the route table associations, which wait for
// the default routes: tasks start only once they can reach the internet.
const privateSubnetIds = privateCidrs.map((cidrBlock, i) => {
  const subnet = new Subnet(stack, `private-subnet-${i}`, {
    vpcId: vpc.id,
    cidrBlock,
    availabilityZone: zone(i),
    mapPublicIpOnLaunch: false,
    tags: { Name: `flask-private-${zone(i)}` },
    lifecycle: { ignoreChanges: ['availability_zone'] },
  });
  const routeTable = new RouteTable(stack, `private-route-table-${i}`, { vpcId: vpc.id, tags: { Name: `flask-private-${zone(i)}` } });
  const defaultRoute = new Route(stack, `private-default-route-${i}`, {
    routeTableId: routeTable.id,
    destinationCidrBlock: '0.0.0.0/0',
    natGatewayId: natGateway.id,
    lifecycle: { createBeforeDestroy: true },
  });
  return new RouteTableAssociation(stack, `private-subnet-${i}-routes`, {
    subnetId: subnet.id,
    routeTableId: routeTable.id,
    dependsOn: [defaultRoute],
  }).subnetId;
});

// The tasks' security group: outbound only.
const securityGroup = new SecurityGroup(stack, 'security-group', {
  namePrefix: 'flask-security-group-',
  description: 'ECS Fargate tasks: outbound only, no inbound rules',
  vpcId: vpc.id,
  ingress: [],
  egress: [{
    description: 'All outbound IPv4: Cloudflare Tunnel, image pulls, AWS APIs',
    protocol: '-1',
    fromPort: 0,
    toPort: 0,
    cidrBlocks: ['0.0.0.0/0'],
    ipv6CidrBlocks: [],
    prefixListIds: [],
    securityGroups: [],
    selfAttribute: false,
  }],
  tags: { Name: 'flask-security-group' },
  lifecycle: { createBeforeDestroy: true },
});

// ECS cluster with Fargate and Fargate Spot.
const cluster = new EcsCluster(stack, 'cluster', {
  name: 'flask',
  setting: [{ name: 'containerInsights', value: 'disabled' }],
});
const capacityProviders = new EcsClusterCapacityProviders(stack, 'capacity-providers', {
  clusterName: cluster.name,
  capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
  defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
});

// Logs, and the two roles of the task.
const logGroup = new CloudwatchLogGroup(stack, 'log-group', { name: '/ecs/flask/flask/service/logs', retentionInDays: 7 });
const trustEcsTasks = (id: string) => {
  const account = new DataAwsCallerIdentity(stack, `${id}-account`, {});
  return new DataAwsIamPolicyDocument(stack, `${id}-trust-policy`, {
    statement: [{
      sid: 'EcsTasksOfThisAccount',
      effect: 'Allow',
      actions: ['sts:AssumeRole'],
      principals: [{ type: 'Service', identifiers: ['ecs-tasks.amazonaws.com'] }],
      condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] }],
    }],
  });
};
const executionRole = new IamRole(stack, 'execution-role', {
  namePrefix: 'flask-service-execution-role-',
  description: 'ECS task execution role: pulls images, writes logs, reads injected secrets',
  assumeRolePolicy: trustEcsTasks('execution-role').json,
});

// The tunnel credentials JSON in an SSM SecureString, under a KMS key of its
// own: the account administers the key, only the deployer and the execution
// role use it, and only through SSM for this parameter.
const parameterName = '/flask/tunnel-credentials';
const keyAccount = new DataAwsCallerIdentity(stack, 'key-account', {});
const keyPartition = new DataAwsPartition(stack, 'key-partition', {});
const keyRegion = new DataAwsRegion(stack, 'key-region', {});
const deployer = new DataAwsIamSessionContext(stack, 'deployer', { arn: keyAccount.arn });
const throughSsm = [
  { test: 'StringEquals', variable: 'kms:ViaService', values: [`ssm.${keyRegion.region}.${keyPartition.dnsSuffix}`] },
  {
    test: 'StringEquals',
    variable: 'kms:EncryptionContext:PARAMETER_ARN',
    // From the name: the parameter's own ARN would be a cycle.
    values: [`arn:${keyPartition.partition}:ssm:${keyRegion.region}:${keyAccount.accountId}:parameter${parameterName}`],
  },
];
const keyPolicy = new DataAwsIamPolicyDocument(stack, 'key-policy', {
  statement: [
    {
      sid: 'KeyAdministration',
      effect: 'Allow',
      principals: [{ type: 'AWS', identifiers: [`arn:${keyPartition.partition}:iam::${keyAccount.accountId}:root`] }],
      actions: [
        'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags', 'kms:ListKeyPolicies',
        'kms:ListKeyRotations', 'kms:ListGrants', 'kms:PutKeyPolicy', 'kms:EnableKey', 'kms:DisableKey',
        'kms:EnableKeyRotation', 'kms:DisableKeyRotation', 'kms:RotateKeyOnDemand', 'kms:TagResource',
        'kms:UntagResource', 'kms:UpdateKeyDescription', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion',
        'kms:RevokeGrant', 'kms:RetireGrant', 'kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias',
      ],
      resources: ['*'],
    },
    {
      sid: 'DeployerWriteAndRead',
      effect: 'Allow',
      principals: [{ type: 'AWS', identifiers: [deployer.issuerArn] }],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
      resources: ['*'],
      condition: throughSsm,
    },
    {
      sid: 'ExecutionRoleDecrypt',
      effect: 'Allow',
      principals: [{ type: 'AWS', identifiers: [executionRole.arn] }],
      actions: ['kms:Decrypt'],
      resources: ['*'],
      condition: throughSsm,
    },
  ],
});
const credentialKey = new KmsKey(stack, 'credential-key', {
  description: `Encrypts the Cloudflare Tunnel credential in SSM parameter ${parameterName}`,
  enableKeyRotation: true,
  deletionWindowInDays: 30,
  policy: keyPolicy.json,
});
const credentials = new SsmParameter(stack, 'tunnel-credentials', {
  name: parameterName,
  description: 'Cloudflare Tunnel credentials JSON of flask',
  type: 'SecureString',
  tier: 'Standard',
  keyId: credentialKey.arn,
  // sensitive() twice, as the library emits it (the same value to Terraform).
  value: Fn.sensitive(Fn.sensitive(Fn.jsonencode({
    AccountTag: accountId,
    TunnelSecret: Fn.base64sha256(tunnelSecret.result),
    TunnelID: tunnel.id,
  }))),
});

// The execution role's permissions; it decrypts the credential only through SSM.
const executionPartition = new DataAwsPartition(stack, 'execution-role-partition', {});
const executionRegion = new DataAwsRegion(stack, 'execution-role-region', {});
const executionPolicy = new DataAwsIamPolicyDocument(stack, 'execution-policy-document', {
  statement: [
    { sid: 'EcrLogin', effect: 'Allow', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
    {
      sid: 'EcrPull',
      effect: 'Allow',
      actions: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      resources: [flaskRepository.arn, cloudflaredRepository.arn],
    },
    { sid: 'WriteLogs', effect: 'Allow', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logGroup.arn}:log-stream:*`] },
    { sid: 'ReadParameters', effect: 'Allow', actions: ['ssm:GetParameters'], resources: [credentials.arn] },
    {
      sid: 'DecryptParameters',
      effect: 'Allow',
      actions: ['kms:Decrypt'],
      resources: [credentialKey.arn],
      condition: [
        { test: 'StringEquals', variable: 'kms:ViaService', values: [`ssm.${executionRegion.region}.${executionPartition.dnsSuffix}`] },
        { test: 'StringEquals', variable: 'kms:EncryptionContext:PARAMETER_ARN', values: [credentials.arn] },
      ],
    },
  ],
});
const executionRolePolicy = new IamRolePolicy(stack, 'execution-role-policy', {
  role: executionRole.id,
  name: 'task-execution',
  policy: executionPolicy.json,
});
const taskRole = new IamRole(stack, 'task-role', {
  namePrefix: 'flask-service-task-role-',
  description: 'ECS task role: the permissions of the app running in the task',
  assumeRolePolicy: trustEcsTasks('task-role').json,
});

// Task definition: the Flask app and the cloudflared sidecar.
const region = new DataAwsRegion(stack, 'region', {});
const logConfiguration = (prefix: string) => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': logGroup.name, 'awslogs-region': region.region, 'awslogs-stream-prefix': prefix },
});
const taskDefinition = new EcsTaskDefinition(stack, 'task-definition', {
  family: 'flask',
  cpu: '512',
  memory: '1024',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
  executionRoleArn: executionRole.arn,
  taskRoleArn: taskRole.arn,
  containerDefinitions: Fn.jsonencode([
    {
      name: 'flask',
      image: `${flaskRepository.repositoryUrl}:${flaskTag}`,
      essential: true,
      portMappings: [{ containerPort: 5000, protocol: 'tcp' }],
      readonlyRootFilesystem: false,
      // Graceful stop: ECS stops cloudflared first; the app then gets 20s to close.
      stopTimeout: 20,
      logConfiguration: logConfiguration('app'),
      healthCheck: {
        command: ['CMD', 'python', '-c', "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5000/health')"],
        interval: 30,
        timeout: 5,
        retries: 3,
        startPeriod: 10,
      },
      user: '10001',
    },
    {
      name: 'cloudflared',
      image: `${cloudflaredRepository.repositoryUrl}:${cloudflaredTag}`,
      essential: true,
      command: ['tunnel', 'run', tunnel.id],
      environment: [
        { name: 'TUNNEL_EDGE_IP_VERSION', value: '4' },
        { name: 'TUNNEL_GRACE_PERIOD', value: '30s' },
        { name: 'TUNNEL_LOGLEVEL', value: 'info' },
        { name: 'TUNNEL_METRICS', value: '127.0.0.1:2000' },
        { name: 'TUNNEL_TRANSPORT_PROTOCOL', value: 'auto' },
      ],
      secrets: [{ name: 'TUNNEL_CRED_CONTENTS', valueFrom: credentials.arn }],
      healthCheck: {
        command: ['CMD', 'cloudflared', 'tunnel', '--metrics', '127.0.0.1:2000', 'ready'],
        interval: 30,
        timeout: 5,
        retries: 3,
        startPeriod: 10,
      },
      user: '65532',
      readonlyRootFilesystem: true,
      dependsOn: [{ containerName: 'flask', condition: 'START' }],
      stopTimeout: 35, // 5s past the grace period, to close its edge connections
      logConfiguration: logConfiguration('cloudflared'),
    },
  ]),
});

const service = new EcsService(stack, 'service', {
  name: 'flask',
  cluster: cluster.arn,
  taskDefinition: taskDefinition.arn,
  desiredCount: 1,
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 100 }],
  networkConfiguration: {
    subnets: privateSubnetIds,
    securityGroups: [securityGroup.id],
    assignPublicIp: false,
  },
  deploymentCircuitBreaker: { enable: true, rollback: true },
  deploymentMaximumPercent: 200,
  deploymentMinimumHealthyPercent: 100,
  enableEcsManagedTags: true,
  enableExecuteCommand: false,
  propagateTags: 'TASK_DEFINITION',
  // Every apply rolls the tasks, and so does a rewritten credential (secrets are read at task start).
  forceNewDeployment: true,
  triggers: { tunnel_credential_version: Token.asString(credentials.version) },
  waitForSteadyState: true,
  dependsOn: [executionRole, executionRolePolicy, taskRole, capacityProviders],
});

// Alerts, by email: an SNS topic under a KMS key of its own (so CloudWatch and
// EventBridge may publish to it), an alarm when no task runs, EventBridge rules
// for failed deployments and failed tasks, and Cloudflare's tunnel health notification.
const alertEmail = 'alerts@example.com';
const topicName = 'flask-alerts';
const alertAccount = new DataAwsCallerIdentity(stack, 'alert-account', {});
const alertPartition = new DataAwsPartition(stack, 'alert-partition', {});
const alertRegion = new DataAwsRegion(stack, 'alert-region', {});
const fromAlarmsOfThisAccount = [
  { test: 'StringEquals', variable: 'aws:SourceAccount', values: [alertAccount.accountId] },
  {
    test: 'ArnLike',
    variable: 'aws:SourceArn',
    values: [`arn:${alertPartition.partition}:cloudwatch:${alertRegion.region}:${alertAccount.accountId}:alarm:*`],
  },
];
const alertKeyPolicy = new DataAwsIamPolicyDocument(stack, 'alert-key-policy', {
  statement: [
    {
      sid: 'EnableIamPolicies',
      effect: 'Allow',
      principals: [{ type: 'AWS', identifiers: [`arn:${alertPartition.partition}:iam::${alertAccount.accountId}:root`] }],
      actions: ['kms:*'],
      resources: ['*'],
    },
    {
      sid: 'CloudWatchAlarmsPublish',
      effect: 'Allow',
      principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      condition: fromAlarmsOfThisAccount,
    },
    {
      sid: 'EventBridgePublish',
      effect: 'Allow',
      principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    },
  ],
});
const alertKey = new KmsKey(stack, 'alert-key', {
  description: `Encrypts the alert topic ${topicName}`,
  enableKeyRotation: true,
  deletionWindowInDays: 7,
  policy: alertKeyPolicy.json,
});
const topic = new SnsTopic(stack, 'alert-topic', { name: topicName, kmsMasterKeyId: alertKey.arn });
new SnsTopicSubscription(stack, 'alert-email', { topicArn: topic.arn, protocol: 'email', endpoint: alertEmail });

// The service's ECS events, matched on the default bus (jsonencode keeps the references valid).
const deploymentFailed = new CloudwatchEventRule(stack, 'deployment-failed', {
  name: 'flask-deployment-failed',
  description: `A deployment of ECS service ${service.name} failed; the circuit breaker rolled it back`,
  eventPattern: Fn.jsonencode({
    'source': ['aws.ecs'],
    'detail-type': ['ECS Deployment State Change'],
    'resources': [service.arn],
    'detail': { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
  }),
});
const taskFailed = new CloudwatchEventRule(stack, 'task-failed', {
  name: 'flask-task-failed',
  description: `A task of ECS service ${service.name} failed a container health check or lost an essential container`,
  eventPattern: Fn.jsonencode({
    'source': ['aws.ecs'],
    'detail-type': ['ECS Task State Change'],
    'detail': {
      clusterArn: [{ suffix: `:cluster/${cluster.name}` }],
      group: [`service:${service.name}`],
      lastStatus: ['STOPPED'],
      stoppedReason: [{ prefix: 'Task failed container health checks' }, { prefix: 'Essential container in task exited' }],
    },
  }),
});
const topicPolicy = new DataAwsIamPolicyDocument(stack, 'alert-topic-policy-document', {
  statement: [
    {
      sid: 'CloudWatchAlarms',
      effect: 'Allow',
      principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
      actions: ['sns:Publish'],
      resources: [topic.arn],
      condition: fromAlarmsOfThisAccount,
    },
    {
      sid: 'EcsEventRules',
      effect: 'Allow',
      principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
      actions: ['sns:Publish'],
      resources: [topic.arn],
      condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: [deploymentFailed.arn, taskFailed.arn] }],
    },
  ],
});
new SnsTopicPolicy(stack, 'alert-topic-policy', { arn: topic.arn, policy: topicPolicy.json });
new CloudwatchEventTarget(stack, 'deployment-failed-target', { rule: deploymentFailed.name, arn: topic.arn });
new CloudwatchEventTarget(stack, 'task-failed-target', { rule: taskFailed.name, arn: topic.arn });

// No running task for 5 minutes: CPUUtilization's sample count is 0 then (missing data breaches).
new CloudwatchMetricAlarm(stack, 'no-running-task', {
  alarmName: 'flask-no-running-task',
  alarmDescription: `No task of ECS service ${service.name} has run for 5 minutes: the app is down. `
    + 'Check the service events (failed deployments, Spot capacity, task stop reasons) and the logs.',
  namespace: 'AWS/ECS',
  metricName: 'CPUUtilization',
  dimensions: { ClusterName: cluster.name, ServiceName: service.name },
  statistic: 'SampleCount',
  period: 60,
  evaluationPeriods: 5,
  datapointsToAlarm: 5,
  threshold: 1,
  comparisonOperator: 'LessThanThreshold',
  treatMissingData: 'breaching',
  alarmActions: [topic.arn],
  okActions: [topic.arn],
});

// Cloudflare's tunnel health notification, by email.
new NotificationPolicy(stack, 'tunnel-health', {
  accountId,
  name: 'Tunnel flask health',
  description: 'Health changes of the Cloudflare Tunnel flask',
  alertType: 'tunnel_health_event',
  enabled: true,
  filters: { tunnelId: [tunnel.id] },
  mechanisms: { email: [{ id: alertEmail }] },
});

new TerraformOutput(stack, 'url', { value: `https://${hostname}`, description: 'URL of flask, behind Cloudflare Access' });
new TerraformOutput(stack, 'tunnel_id', { value: tunnel.id, description: 'Cloudflare Tunnel id of flask' });
new TerraformOutput(stack, 'access_application_aud', { value: accessApplication.aud, description: 'AUD tag of the Access application of flask, for apps that verify Access tokens' });
new TerraformOutput(stack, 'cluster_arn', { value: cluster.arn, description: 'ARN of the ECS cluster that runs flask' });
new TerraformOutput(stack, 'security_group_id', { value: securityGroup.id, description: 'Security group of the flask tasks (no inbound rules)' });
new TerraformOutput(stack, 'service_name', { value: service.name, description: 'Name of the ECS service' });
new TerraformOutput(stack, 'cluster_name', { value: cluster.name, description: 'Name of the ECS cluster that runs the service' });
new TerraformOutput(stack, 'task_definition_arn', { value: taskDefinition.arn, description: 'ARN (with revision) of the task definition' });
new TerraformOutput(stack, 'task_definition_family', { value: taskDefinition.family, description: 'Family of the task definition' });
new TerraformOutput(stack, 'execution_role_arn', { value: executionRole.arn, description: 'ARN of the task execution role' });
new TerraformOutput(stack, 'task_role_arn', { value: taskRole.arn, description: 'ARN of the task role' });
new TerraformOutput(stack, 'task_role_name', { value: taskRole.name, description: "Name of the task role; attach the app's permissions to it" });
new TerraformOutput(stack, 'log_group_name', { value: logGroup.name, description: 'CloudWatch log group of the app and cloudflared containers' });
new TerraformOutput(stack, 'credential_parameter_name', { value: credentials.name, description: 'SSM parameter that holds the tunnel credential' });

app.synth();
report(outdir);
