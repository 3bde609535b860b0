// Test helper: the statements of the aws_iam_policy_document data sources in a synthesized stack.

/** One statement as the data source is written in the Terraform JSON. */
export interface Statement {
  readonly sid?: string;
  readonly effect: string;
  readonly actions: string[];
  readonly resources?: string[];
  readonly principals?: { type: string; identifiers: string[] }[];
  readonly condition?: { test: string; variable: string; values: string[] }[];
}

/** All policy documents of the stack, keyed by logical id. */
export function policyDocuments(doc: any): Record<string, { statement: Statement[] }> {
  return doc.data?.aws_iam_policy_document ?? {};
}

/** The statements of the documents whose logical id contains `part` (e.g. `PolicyDocument`). */
export function statementsOf(doc: any, part: string): Statement[] {
  return Object.entries(policyDocuments(doc))
    .filter(([id]) => id.includes(part))
    .flatMap(([, document]) => document.statement);
}
