/** The AWS-managed capacity providers of Fargate. */
export enum FargateCapacityProvider {
  /** Regular Fargate capacity: tasks run until stopped. */
  FARGATE = 'FARGATE',

  /**
   * Spare capacity at a discount of up to 70%. AWS may stop a task with two
   * minutes' notice. Fine for tasks that tolerate restarts.
   */
  FARGATE_SPOT = 'FARGATE_SPOT',
}
