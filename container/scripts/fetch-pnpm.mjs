// Installs pnpm into the build stage with nothing but Node: the official base image has
// corepack, but a base assembled without an image registry has only the node binary.
// The tarball comes from the npm registry and must match the registry's sha512 integrity.
// Usage: node fetch-pnpm.mjs <version> <directory>

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [version, target] = process.argv.slice(2);
if (!version || !target) {
  console.error('usage: node fetch-pnpm.mjs <version> <directory>');
  process.exit(2);
}
const registry = (process.env.NPM_CONFIG_REGISTRY ?? 'https://registry.npmjs.org').replace(/\/$/, '');

async function get(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`fetch-pnpm: GET ${url} answered ${res.status}`);
  return res;
}

const meta = await (await get(`${registry}/pnpm/${version}`)).json();
const tarball = Buffer.from(await (await get(meta.dist.tarball)).arrayBuffer());
const [algorithm, expected] = meta.dist.integrity.split('-', 2);
const actual = createHash(algorithm).update(tarball).digest('base64');
if (actual !== expected)
  throw new Error(`fetch-pnpm: pnpm ${version} tarball fails its ${algorithm} integrity check`);

mkdirSync(target, { recursive: true });
const file = join(target, 'pnpm.tgz');
writeFileSync(file, tarball);
execFileSync('tar', ['-xzf', file, '-C', target, '--strip-components=1']);
rmSync(file);
console.log(`fetch-pnpm: pnpm ${version} in ${target}`);
