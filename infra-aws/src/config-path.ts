// Which config file the app reads. Deploying from the example by accident must not happen,
// so the example is used only when the caller allows it (synth on a clean clone).

import { join } from 'node:path';
import { ConfigValidationError } from '@escher/shared';

export const CONFIG_FILE_NAMES = ['escher.config.yaml', 'escher.config.yml', 'escher.config.json'];
export const EXAMPLE_CONFIG = 'escher.config.example.yaml';

export interface ConfigPathQuery {
  explicit: string | undefined;
  allowExample: boolean;
  /** The infra-aws package first, then the repository root. */
  searchDirs: string[];
  exists: (path: string) => boolean;
}

export function resolveConfigPath({ explicit, allowExample, searchDirs, exists }: ConfigPathQuery): string {
  if (explicit) return explicit;
  for (const dir of searchDirs) {
    for (const name of CONFIG_FILE_NAMES) {
      if (exists(join(dir, name))) return join(dir, name);
    }
  }
  const example = searchDirs[0] ? join(searchDirs[0], EXAMPLE_CONFIG) : EXAMPLE_CONFIG;
  if (allowExample && exists(example)) return example;
  throw new ConfigValidationError([
    `(file): no ${CONFIG_FILE_NAMES.join(' / ')} found; copy infra-aws/${EXAMPLE_CONFIG} to escher.config.yaml or pass -c config=PATH`,
  ]);
}
