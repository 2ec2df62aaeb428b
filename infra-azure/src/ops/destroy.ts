// `pnpm destroy`: the shared Pulumi destroy exports the state to the laptop first; this
// package only says where the runner's CLI sits (the script runs from the package directory).

import { resolve } from 'node:path';
import { destroyAfterExport } from '@escher/shared';

await destroyAfterExport(resolve('../runtime/bin/escher.js'), process.argv.slice(2));
