// A local stand-in for Google's token issuer: an RSA key, its certificate endpoint in the
// format google-auth-library reads (kid → PEM), and RS256 ID tokens with chosen claims.

import { createSign, generateKeyPairSync } from 'node:crypto';
import type { Route } from '../contract/server.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface TokenIssuer {
  routes: Route[];
  token(claims: Record<string, unknown>, keyId?: string): string;
}

export function tokenIssuer(): TokenIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    routes: [
      { method: 'GET', path: '/oauth2/v1/certs', handler: () => ({ status: 200, body: { 'key-1': pem } }) },
    ],
    token(claims, keyId = 'key-1') {
      const now = Math.floor(Date.now() / 1000);
      const header = b64url({ alg: 'RS256', kid: keyId, typ: 'JWT' });
      const payload = b64url({
        iss: 'https://accounts.google.com',
        iat: now,
        exp: now + 3600,
        sub: '1234567890',
        ...claims,
      });
      // A kid other than key-1 is signed by a key the endpoint does not publish.
      const key = keyId === 'key-1' ? privateKey : other.privateKey;
      const signature = createSign('RSA-SHA256')
        .update(`${header}.${payload}`)
        .sign(key)
        .toString('base64url');
      return `${header}.${payload}.${signature}`;
    },
  };
}
