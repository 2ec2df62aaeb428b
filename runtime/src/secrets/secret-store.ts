// Credentials for all three clouds live in the host cloud's secret store, so one runner
// can operate AWS, Azure and GCP. Names are logical ('escher/aws/default/access_key_id');
// each adapter maps them onto what its backend allows (see secrets/README.md).

export interface SecretStore {
  readonly url: string;
  /** The secret's value, or undefined when it does not exist. */
  get(name: string): Promise<string | undefined>;
  /** Creates or replaces a secret (a new version where the backend keeps versions). */
  put(name: string, value: string): Promise<void>;
  /** Logical names under a logical prefix. */
  list(prefix: string): Promise<string[]>;
  delete(name: string): Promise<void>;
}
