// Shared test helpers: build a stack, synthesize it and read the Terraform JSON.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { requireValidArguments } from '../src/core/argument-problem';

/** Synthesized Terraform JSON of one stack. */
export interface SynthResult {
  /** The stack, for snapshots and further inspection. */
  readonly stack: TerraformStack;
  /** The synthesized JSON text, exactly as `cdktf synth` writes it. */
  readonly json: string;
  /** The parsed document. */
  readonly doc: any;
}

/** A stack with the AWS, Cloudflare and random providers configured. */
export function newStack(): TerraformStack {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new CloudflareProvider(stack, 'cloudflare', {});
  new RandomProvider(stack, 'random');
  return stack;
}

/** Builds constructs in a fresh stack and synthesizes it. */
export function synth(build: (stack: TerraformStack) => void): SynthResult {
  const stack = newStack();
  build(stack);
  const json = Testing.synth(stack);
  return { stack, json, doc: JSON.parse(json) };
}

/** All resources of one Terraform type, keyed by logical id. */
export function resources(doc: any, type: string): Record<string, any> {
  return doc.resource?.[type] ?? {};
}

/** The only resource of a type; fails the test when there is not exactly one. */
export function onlyResource(doc: any, type: string): any {
  const all = Object.values(resources(doc, type));
  if (all.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${all.length}`);
  }
  return all[0];
}

/** Every resource type that the document contains. */
export function resourceTypes(doc: any): string[] {
  return Object.keys(doc.resource ?? {}).sort();
}

/** Expects `build` to fail with an input error naming `property` and matching `message`; returns the error. */
export function expectInvalid(build: () => unknown, property: string, message: RegExp): Error {
  let error: any;
  try {
    build();
  } catch (e) {
    error = e;
  }
  expect(error?.message?.startsWith(`Invalid ${property}: `)).toBe(true);
  expect(error.message).toMatch(message);
  return error;
}

/**
 * Raises the problem a value's factory recorded (an image, a secret, an alert target, a capacity
 * strategy) the way a construct that receives the value does, under `property`.
 */
export function raisedAs(property: string, value: { readonly _problem?: Error }): () => void {
  return () => requireValidArguments(property, value._problem as any);
}
