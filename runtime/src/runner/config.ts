// The deployment config the runner was started with: ESCHER_CONFIG (JSON, as the stacks
// pass it) or ESCHER_CONFIG_FILE (YAML or JSON). Without either, nothing is deployed and
// the runner only observes, records and notifies.

import { readFile } from 'node:fs/promises';
import { ConfigValidationError, type ExtensionConfig, parseExtensionConfig } from '@escher/shared';
import type { RuntimeEnv } from '../config/env.js';
import { ConfigError } from '../errors.js';

export async function loadDeploymentConfig(env: RuntimeEnv): Promise<ExtensionConfig | undefined> {
  let raw: unknown;
  let where: string;
  if (env.ESCHER_CONFIG) {
    where = 'ESCHER_CONFIG';
    try {
      raw = JSON.parse(env.ESCHER_CONFIG);
    } catch (cause) {
      throw new ConfigError('ESCHER_CONFIG is not JSON', {
        cause,
        hint: 'pass the deployment config as one JSON object',
      });
    }
  } else if (env.ESCHER_CONFIG_FILE) {
    where = env.ESCHER_CONFIG_FILE;
    let text: string;
    try {
      text = await readFile(env.ESCHER_CONFIG_FILE, 'utf8');
    } catch (cause) {
      throw new ConfigError(`cannot read the config file ${where}`, {
        cause,
        hint: 'check ESCHER_CONFIG_FILE',
      });
    }
    // Loaded only here: the stacks pass ESCHER_CONFIG as JSON, and YAML is a large parser.
    const { parse: parseYaml } = await import('yaml');
    try {
      raw = parseYaml(text);
    } catch (cause) {
      throw new ConfigError(`${where} is neither YAML nor JSON`, { cause });
    }
  } else {
    return undefined;
  }
  try {
    return parseExtensionConfig(raw);
  } catch (err) {
    if (err instanceof ConfigValidationError) {
      throw new ConfigError(`${where}: ${err.message}`, {
        cause: err,
        hint: 'fix the named fields of the deployment config',
      });
    }
    throw err;
  }
}
