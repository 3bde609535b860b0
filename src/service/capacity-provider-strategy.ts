import { FargateCapacityProvider } from '../cluster/fargate-capacity-provider';
import { ArgumentProblem, checkArguments } from '../core/argument-problem';
import { invalid, isToken, requireIntegerInRange } from '../core/validation';

/** One entry of a capacity provider strategy. */
export interface CapacityProviderShare {
  /** The Fargate capacity provider this share runs on. */
  readonly capacityProvider: FargateCapacityProvider;

  /** Relative share of the tasks beyond the base. */
  readonly weight: number;

  /**
   * Tasks that always run on this provider before weights apply.
   *
   * @default 0
   */
  readonly base?: number;
}

/** Shares for `CapacityProviderStrategy.mixed()`. */
export interface MixedCapacityProps {
  /** Relative share of tasks on on-demand Fargate (0-1000). */
  readonly fargateWeight: number;

  /** Relative share of tasks on Fargate Spot (0-1000). */
  readonly fargateSpotWeight: number;

  /**
   * Tasks that always run on on-demand Fargate before the weights apply (0-100000).
   * Keeps the tunnel up when Spot capacity is reclaimed.
   *
   * @default 0
   */
  readonly fargateBase?: number;

  /**
   * Run without an on-demand base on purpose. With `fargateSpotWeight` above 0 and no `fargateBase`,
   * every task may land on Spot, and one Spot reclaim can take all of them, and the app, down at
   * once; synthesis then warns. Set this to say that such outages are acceptable (a test stack, say)
   * and silence the warning.
   *
   * @default false
   */
  readonly acceptNoOnDemandBase?: boolean;
}

/** Options for `CapacityProviderStrategy.fargateSpot()`. */
export interface FargateSpotOptions {
  /**
   * Run every task on Spot on purpose. Synthesis warns otherwise: Fargate Spot may reclaim all tasks
   * at once (two minutes' notice each), and the tunnel, so the app, is down until ECS places new
   * tasks, which can take long when Spot capacity is short. Set this to say that such outages are
   * acceptable (a test stack, say) and silence the warning; for a service that must stay up, use
   * `CapacityProviderStrategy.mixed({ fargateBase: 1, ... })`.
   *
   * @default false
   */
  readonly acceptNoOnDemandBase?: boolean;
}

/**
 * Where the service's tasks run: on-demand Fargate, Fargate Spot (up to ~70%
 * cheaper, but tasks can be stopped with two minutes' notice), or a mix.
 * The cluster must have the chosen capacity providers associated.
 *
 * @example
 * import { CapacityProviderStrategy, ZeroTrustServiceOptions } from 'cdktf-zero-trust-fargate';
 *
 * // Two tasks always on on-demand Fargate, then three of every four more on Fargate Spot.
 * const service: ZeroTrustServiceOptions = {
 *   desiredCount: 4,
 *   capacityProviderStrategy: CapacityProviderStrategy.mixed({
 *     fargateBase: 2,
 *     fargateWeight: 1,
 *     fargateSpotWeight: 3,
 *   }),
 * };
 */
export class CapacityProviderStrategy {
  /** All tasks on on-demand Fargate (one provider, weight 100). */
  public static fargate(): CapacityProviderStrategy {
    return new CapacityProviderStrategy([{ capacityProvider: FargateCapacityProvider.FARGATE, weight: 100 }]);
  }

  /**
   * All tasks on Fargate Spot (one provider, weight 100). Interruptions stop the tunnel until a new task
   * starts, so synthesis warns unless `acceptNoOnDemandBase` is set.
   *
   * @param options whether running without an on-demand base is deliberate
   */
  public static fargateSpot(options: FargateSpotOptions = {}): CapacityProviderStrategy {
    return new CapacityProviderStrategy([{ capacityProvider: FargateCapacityProvider.FARGATE_SPOT, weight: 100 }],
      options.acceptNoOnDemandBase === true, undefined);
  }

  /**
   * Tasks split between on-demand Fargate and Fargate Spot by weight, after an on-demand base.
   *
   * @param props The weights of on-demand Fargate and Fargate Spot, and how many tasks always run on demand.
   */
  public static mixed(props: MixedCapacityProps): CapacityProviderStrategy {
    const base = props.fargateBase ?? 0;
    const problem = checkArguments('CapacityProviderStrategy.mixed', () => {
      const checks: Array<[string, number, number]> = [
        ['fargateWeight', props.fargateWeight, 1000],
        ['fargateSpotWeight', props.fargateSpotWeight, 1000],
        ['fargateBase', base, 100000],
      ];
      for (const [property, value, max] of checks) {
        if (!isToken(value)) {
          requireIntegerInRange(property, value, 0, max);
        }
      }
      if (props.fargateWeight === 0 && props.fargateSpotWeight === 0) {
        invalid('fargateSpotWeight', 0, 'At least one of fargateWeight and fargateSpotWeight must be greater than 0.');
      }
    });
    return new CapacityProviderStrategy([
      { capacityProvider: FargateCapacityProvider.FARGATE, weight: props.fargateWeight, base },
      { capacityProvider: FargateCapacityProvider.FARGATE_SPOT, weight: props.fargateSpotWeight },
    ], props.acceptNoOnDemandBase === true, problem);
  }

  /** The strategy entries, as given to the ECS service. */
  public readonly shares: CapacityProviderShare[];

  /**
   * True when running without an on-demand base was declared deliberate (no warning).
   * @internal
   */
  public readonly _acceptsNoOnDemandBase: boolean;

  /**
   * What the factory found wrong with its arguments; the service raises it under the prop the user
   * wrote (`capacityProviderStrategy`, or the pattern's `service.capacityProviderStrategy`).
   * @internal
   */
  public readonly _problem: ArgumentProblem;

  private constructor(shares: CapacityProviderShare[], acceptsNoOnDemandBase: boolean = false, problem: ArgumentProblem = undefined) {
    this.shares = shares;
    this._acceptsNoOnDemandBase = acceptsNoOnDemandBase;
    this._problem = problem;
  }
}
