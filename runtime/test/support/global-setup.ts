// vitest global setup: starts the selected emulators once for the whole run, hands their
// endpoints to the test workers through `provide`, and stops them when the run ends.
// ESCHER_TEST_EMULATORS=moto,azurite limits which start (all by default; `none` starts none).

import type { TestProject } from 'vitest/node';
import { selectEmulators, startEmulators, stopEmulators } from './emulators/launchers.js';
import type { EmulatorEndpoint } from './emulators/types.js';

declare module 'vitest' {
  export interface ProvidedContext {
    emulators: EmulatorEndpoint[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const running = await startEmulators(selectEmulators(process.env.ESCHER_TEST_EMULATORS));
  project.provide(
    'emulators',
    running.map(({ name, endpoint, env }) => ({ name, endpoint, env })),
  );
  return () => stopEmulators(running);
}
