// The HTTP mode's authentication: Google-signed OIDC tokens for Pub/Sub push and Eventarc
// (google-auth-library verifies signature, expiry, issuer and audience; we add the push
// service account), and a shared secret for Azure pushes, compared in constant time.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { OAuth2Client } from 'google-auth-library';
import { ConfigError, InputError } from '../../errors.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { PushVerifiers } from './types.js';

export const SHARED_SECRET_NAME = 'escher/webhook/shared_secret';

export interface GoogleTokenOptions {
  /** The audience the push subscription puts in its tokens (usually the service URL). */
  audience?: string | undefined;
  /** The push subscription's service account; tokens from any other account are refused. */
  serviceAccount?: string | undefined;
  /** PEM certificates endpoint; Google's by default, a local one in tests. */
  certsUrl?: string | undefined;
  issuers?: string[] | undefined;
}

export function googleTokenVerifier(options: GoogleTokenOptions): PushVerifiers['verifyGoogleToken'] {
  // Built on the first Google push: the library takes a second to load, and an Azure or
  // AWS deployment never receives one.
  let client: Promise<OAuth2Client> | undefined;
  const oauth = () => {
    client ??= import('google-auth-library').then(
      ({ OAuth2Client }) =>
        new OAuth2Client({
          ...(options.certsUrl ? { endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl } } : {}),
          ...(options.issuers ? { issuers: options.issuers } : {}),
        }),
    );
    return client;
  };
  return async (authorization) => {
    const { audience } = options;
    if (!audience) {
      throw new ConfigError('push authentication is not configured', {
        hint: 'set ESCHER_PUSH_AUDIENCE to the push subscription audience',
      });
    }
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new InputError('missing bearer token');
    const verifier = await oauth();
    let email: string | undefined;
    try {
      const ticket = await verifier.verifyIdToken({ idToken: token, audience });
      email = ticket.getPayload()?.email;
    } catch (cause) {
      // The library's messages can quote the token; keep them out of logs and answers.
      throw new InputError('token rejected', { cause: new Error((cause as Error).name) });
    }
    if (options.serviceAccount && email !== options.serviceAccount) {
      throw new InputError('token is not from the push service account');
    }
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export function sharedSecretChecker(secrets: SecretStore): PushVerifiers['checkSharedSecret'] {
  return async (given) => {
    const expected = await secrets.get(SHARED_SECRET_NAME);
    if (!expected || !given) return false;
    // Digests have equal length, so the comparison leaks neither content nor length.
    return timingSafeEqual(digest(given), digest(expected));
  };
}
