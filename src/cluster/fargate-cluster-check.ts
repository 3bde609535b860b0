/**
 * The one check of a new cluster's settings, run by their owner:
 * `FargateCluster` on its own props, or the pattern on the `cluster` its user
 * wrote, before it creates anything. Not exported from the module's index.
 */
import { ContainerInsights } from './container-insights';
import { FargateCapacityProvider } from './fargate-capacity-provider';
import { requireClusterName } from './internal/cluster-name';
import { PropPath } from '../core/prop-path';
import { requireOneOf } from '../core/validation';

/** What the check reads of `FargateClusterProps` (the pattern's cluster options have no default provider). */
export interface FargateClusterOptionsToCheck {
  readonly name?: string;
  readonly containerInsights?: ContainerInsights;
  readonly defaultCapacityProvider?: FargateCapacityProvider;
}

/** Checks a new cluster's settings, named under `path` (`cluster.` through the pattern); a name left out is not checked. */
export function checkFargateClusterOptions(options: FargateClusterOptionsToCheck, path: PropPath): void {
  if (options.name !== undefined) {
    requireClusterName(path.of('name'), options.name);
  }
  requireOneOf(path.of('containerInsights'), options.containerInsights ?? ContainerInsights.DISABLED, Object.values(ContainerInsights));
  requireOneOf(path.of('defaultCapacityProvider'), options.defaultCapacityProvider ?? FargateCapacityProvider.FARGATE,
    Object.values(FargateCapacityProvider));
}
