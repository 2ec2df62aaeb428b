// The harness itself: selection parsing, and every started emulator answering on loopback.

import { describe, expect, it } from 'vitest';
import { ALL_EMULATORS, selectEmulators, startEmulators } from './emulators/launchers.js';
import { emulators } from './emulators.js';

describe('selectEmulators', () => {
  it('starts every registered emulator when ESCHER_TEST_EMULATORS is unset or blank', () => {
    expect(selectEmulators(undefined)).toEqual(ALL_EMULATORS);
    expect(selectEmulators('  ')).toEqual(ALL_EMULATORS);
  });

  it('keeps only the listed emulators', () => {
    expect(selectEmulators('moto, azurite')).toEqual(['moto', 'azurite']);
  });

  it('starts none for `none`', () => {
    expect(selectEmulators('none')).toEqual([]);
  });

  it('refuses an unknown name and lists the known ones', () => {
    expect(() => selectEmulators('moto,localstack')).toThrow(
      `ESCHER_TEST_EMULATORS names unknown emulators: localstack (known: ${ALL_EMULATORS.join(', ')}, or none)`,
    );
  });
});

describe('started emulators', () => {
  it('listen on 127.0.0.1 only', () => {
    for (const e of Object.values(emulators())) expect(new URL(e.endpoint).hostname).toBe('127.0.0.1');
  });

  it('answer HTTP once started (the TLS Key Vault stand-in is exercised by the secret tests)', async () => {
    for (const e of Object.values(emulators()).filter((x) => x.endpoint.startsWith('http:'))) {
      const res = await fetch(e.endpoint, { signal: AbortSignal.timeout(5000) });
      expect(res.status).toBeGreaterThanOrEqual(200);
    }
  });
});

describe('startEmulators', () => {
  it('stops the emulators that started when another fails, and reports the failure', async () => {
    const stopped: string[] = [];
    const table = {
      moto: async () => ({
        name: 'moto' as const,
        endpoint: 'http://127.0.0.1:1',
        env: {},
        stop: async () => void stopped.push('moto'),
      }),
      azurite: async () => {
        throw new Error('azurite did not answer');
      },
    };
    await expect(startEmulators(['moto', 'azurite'], table)).rejects.toThrow('azurite did not answer');
    expect(stopped).toEqual(['moto']);
  });

  it('tries a failed launch once more before giving up', async () => {
    let attempts = 0;
    const table = {
      fakeGcs: async () => {
        attempts++;
        if (attempts === 1) throw new Error('port taken');
        return {
          name: 'fakeGcs' as const,
          endpoint: 'http://127.0.0.1:2',
          env: {},
          stop: async () => undefined,
        };
      },
    };
    const [started] = await startEmulators(['fakeGcs'], table);
    expect(started?.endpoint).toBe('http://127.0.0.1:2');
    expect(attempts).toBe(2);
  });
});
