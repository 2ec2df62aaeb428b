// The checks every Pulumi stack runs on the deployment file before its own: the shared
// schema, the home cloud, the runner image and the stack options (Pulumi config
// `escher:*`). Problems are collected, not thrown, so a stack can add its own and raise
// them all at once, each naming its field.

import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigValidationError, type ExtensionConfig, parseExtensionConfig } from './extension-config.js';

export interface StackConfigSpec<S extends z.ZodType> {
  cloud: 'azure' | 'gcp';
  /** How messages name the stack: "Azure", "GCP". */
  stack: string;
  /** What runs the image, and an example reference: "Cloud Run runs (e.g. …)". */
  imageUse: string;
  options: S;
  /** Problems with the stack's own section of the file (`azure:`, `gcp:`), in field order. */
  sectionProblems(extension: ExtensionConfig): string[];
}

export interface StackConfigBase<O> {
  extension: ExtensionConfig;
  problems: string[];
  /** Set when present; a missing image is among the problems. */
  image: string | undefined;
  /** Set when the options parsed; otherwise their problems are listed. */
  options: O | undefined;
}

export function checkStackConfig<S extends z.ZodType>(
  raw: unknown,
  rawOptions: unknown,
  spec: StackConfigSpec<S>,
): StackConfigBase<z.output<S>> {
  const extension = parseExtensionConfig(raw);
  const problems: string[] = [];
  if (extension.home_cloud !== spec.cloud) {
    problems.push(
      `home_cloud: is "${extension.home_cloud}"; the ${spec.stack} stack deploys a config whose home_cloud is ${spec.cloud}`,
    );
  }
  problems.push(...spec.sectionProblems(extension));
  if (!extension.image) problems.push(`image: name the runner image ${spec.imageUse}`);
  const options = spec.options.safeParse(rawOptions);
  if (!options.success) {
    for (const issue of options.error.issues)
      problems.push(`escher:${issue.path.join('.')}: ${issue.message}`);
  }
  return {
    extension,
    problems,
    image: extension.image,
    options: options.success ? options.data : undefined,
  };
}

/** Reads the deployment file with the stack's parser (YAML, which includes JSON); an unreadable file names itself. */
export function readDeploymentFile(path: string, parse: (text: string) => unknown): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new ConfigValidationError([`escher:configFile: cannot read ${path}: ${reason}`]);
  }
}
