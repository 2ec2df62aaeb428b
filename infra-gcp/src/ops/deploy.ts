// `pnpm deploy:<cloud>`: the Pulumi program is already compiled by the package script;
// this checks the CLI and runs `pulumi up` with any extra arguments passed through.

import { fail, pulumi, requirePulumi } from './pulumi-cli.js';

try {
  requirePulumi();
  pulumi(['up', ...process.argv.slice(2)]);
} catch (error) {
  fail(error);
}
