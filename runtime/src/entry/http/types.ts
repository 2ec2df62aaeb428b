// The HTTP mode's small request/answer shapes, so each push format is a pure-ish function
// of a request and testable without a socket.

import type { EntryDeps } from '../entry-deps.js';

export interface HttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: string;
}

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface PushVerifiers {
  /** Checks a Google-signed OIDC token (Pub/Sub push, Eventarc); throws when it is not acceptable. */
  verifyGoogleToken(authorization: string | undefined): Promise<void>;
  /** Constant-time check of the shared secret (Azure Monitor, Logic Apps); false when wrong or unset. */
  checkSharedSecret(given: string | undefined): Promise<boolean>;
}

export interface RouteContext {
  deps: EntryDeps;
  verifiers: PushVerifiers;
}

export type PushRoute = (req: HttpRequest, ctx: RouteContext) => Promise<HttpAnswer>;
