// What every emulator launcher returns: where it listens, the environment variables that
// point an SDK (and RuntimeEnv) at it, and how to stop it.

export type EmulatorName = 'moto' | 'azurite' | 'fakeGcs' | 'keyVault' | 'secretManager';

/** The serialisable part, handed from the vitest global setup to the test workers. */
export interface EmulatorEndpoint {
  name: EmulatorName;
  /** Base URL on the loopback interface. */
  endpoint: string;
  /** Variables that point the SDKs and RuntimeEnv at this emulator. */
  env: Record<string, string>;
}

export interface RunningEmulator extends EmulatorEndpoint {
  /** Stops the emulator and waits until it is gone. */
  stop(): Promise<void>;
}

export type Launcher = () => Promise<RunningEmulator>;
