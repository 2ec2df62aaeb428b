// What a stack's config parser refuses: the problem lines of its ConfigValidationError.

import { ConfigValidationError } from '../deploy/extension-config.js';

/** The problems `parse` raises for the input; fails when it accepts it or throws anything else. */
export function configProblems(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('config was accepted');
}
