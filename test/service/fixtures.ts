// Shared inputs for the service tests.
import { ExistingCluster } from '../../src/cluster';
import { ITunnelCredential, TunnelCredentialFormat, TunnelCredentialParameter } from '../../src/credential';
import { ContainerImage } from '../../src/image';
import { ITaskNetwork } from '../../src/network';
import { AppContainerOptions, TunnelFargateServiceProps } from '../../src/service';
import { TunnelTaskDefinitionProps } from '../../src/service/internal/tunnel-task-definition';

export const PARAMETER_ARN = 'arn:aws:ssm:eu-west-1:123456789012:parameter/tunnels/app/token';
export const TUNNEL_ID = 'c1744f8b-faa1-48a4-9e5c-02ac921467fa';

/** A tunnel credential as the credential area would provide it. */
export function credential(format: TunnelCredentialFormat = TunnelCredentialFormat.TOKEN, kmsKeyArn?: string): ITunnelCredential {
  return TunnelCredentialParameter.fromExisting({
    parameterArn: PARAMETER_ARN,
    parameterName: '/tunnels/app/token',
    format,
    kmsKeyArn,
  });
}

/** A minimal app container. */
export function app(overrides: Partial<AppContainerOptions> = {}): AppContainerOptions {
  return {
    image: ContainerImage.fromRegistry('ghcr.io/acme/app:1.4.2'),
    port: 8080,
    ...overrides,
  };
}

/** A network as the network area would provide it (any `ITaskNetwork` will do). */
export function taskNetwork(overrides: Partial<ITaskNetwork> = {}): ITaskNetwork {
  return { vpcId: 'vpc-123', taskSubnetIds: ['subnet-aaa', 'subnet-bbb'], assignPublicIp: false, ...overrides };
}

/** Minimal service props. */
export function serviceProps(overrides: Partial<TunnelFargateServiceProps> = {}): TunnelFargateServiceProps {
  return {
    serviceName: 'app',
    cluster: ExistingCluster.fromArn('arn:aws:ecs:eu-west-1:123456789012:cluster/apps'),
    network: taskNetwork(),
    securityGroupIds: ['sg-123'],
    credential: credential(),
    app: app(),
    ...overrides,
  };
}

/** Minimal task definition props. */
export function taskDefinitionProps(overrides: Partial<TunnelTaskDefinitionProps> = {}): TunnelTaskDefinitionProps {
  return {
    family: 'app',
    executionRoleArn: 'arn:aws:iam::123456789012:role/app-execution',
    taskRoleArn: 'arn:aws:iam::123456789012:role/app-task',
    logGroupName: '/ecs/app',
    credential: credential(),
    app: app(),
    ...overrides,
  };
}
