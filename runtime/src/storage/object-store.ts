// The one interface every state backend implements. Keys are relative to the store's
// prefix ('/'-separated). Conditional writes are the only tools writers get for
// coordination: create-only puts for immutable objects, compare-and-swap for pointers.

export interface StoredObject {
  body: Uint8Array;
  /** Opaque token for compare-and-swap: S3/Azure ETag, GCS generation, local content hash. */
  version: string;
}

export interface ObjectInfo {
  key: string;
  size: number;
  /** The version token when the listing reports it cheaply, otherwise ''; use get() before a CAS. */
  version: string;
  /** Last modification time, when the backend reports it. */
  modified?: Date;
}

export interface ObjectStore {
  /** The URL this store was opened with (credentials never appear in it). */
  readonly url: string;
  /** The object, or undefined when no object has that key. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Creates the object; PreconditionFailedError when the key exists already. */
  putIfAbsent(key: string, body: Uint8Array): Promise<{ version: string }>;
  /** Replaces the object only if its version is still `version`; PreconditionFailedError otherwise. */
  putIfMatch(key: string, body: Uint8Array, version: string): Promise<{ version: string }>;
  /** Every object under the prefix (relative keys), in no guaranteed order. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Removes the object; a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Fails with a clear error when the store cannot be reached or does not exist. */
  check(): Promise<void>;
}
