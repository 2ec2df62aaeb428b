// `pnpm deploy`: the Pulumi program is already compiled by the package script; the shared
// wrapper checks the CLI and runs `pulumi up` with any extra arguments passed through.

import { deployWithPulumi } from '@escher/shared';

deployWithPulumi(process.argv.slice(2));
