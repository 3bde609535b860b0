/**
 * CloudWatch Container Insights level of a `FargateCluster`: the value of
 * the cluster's `containerInsights` setting. Insights are billed as custom
 * metrics and log ingestion, so they are off unless asked for.
 */
export enum ContainerInsights {
  /** No Container Insights metrics. */
  DISABLED = 'disabled',

  /** Cluster- and service-level metrics. */
  ENABLED = 'enabled',

  /** Container Insights with enhanced observability: adds task- and container-level metrics. */
  ENHANCED = 'enhanced',
}
