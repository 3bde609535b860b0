/** One `Allow` statement to add to a `TaskRole`. */
export interface PolicyStatementOptions {
  /**
   * Actions to allow, each `service:Action` spelled out in full (e.g. `s3:GetObject`). Wildcards such as
   * `*`, `s3:*` or `s3:Get*` are refused: they grant actions nobody reviewed, including ones AWS adds later.
   */
  readonly actions: string[];

  /**
   * ARNs the actions apply to (e.g. `arn:aws:s3:::my-bucket/*`). Use `*` only for actions that support
   * no narrower resource, such as `cloudwatch:PutMetricData`.
   */
  readonly resources: string[];

  /**
   * Statement id: letters and digits only, unique within the role.
   *
   * @default - no statement id
   */
  readonly sid?: string;
}
