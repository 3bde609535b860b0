// Resolves a cdktf token (e.g. a resource id) to the Terraform expression it stands for.
import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

export function resolved(scope: IConstruct, value: unknown): any {
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}
