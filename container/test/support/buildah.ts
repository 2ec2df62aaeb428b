// buildah as these machines allow it: no daemon, vfs storage and chroot isolation, so the
// image builds and runs as plain processes. Every call goes through `buildah` here.

import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STORAGE = ['--storage-driver', 'vfs'];

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; output goes to memory, or to a log file for long builds. */
export function exec(cmd: string, args: string[], log?: string): Promise<Outcome> {
  const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  if (log) {
    const file = createWriteStream(log);
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  } else {
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Like exec, but a non-zero exit is an error carrying the output (or the log's tail). */
export async function must(cmd: string, args: string[], log?: string): Promise<Outcome> {
  const out = await exec(cmd, args, log);
  if (out.code !== 0) {
    const detail = log
      ? readFileSync(log, 'utf8').split('\n').slice(-40).join('\n')
      : out.stderr || out.stdout;
    throw new Error(`${cmd} ${args.join(' ')} exited with ${out.code}:\n${detail}`);
  }
  return out;
}

export const buildah = (args: string[], log?: string) => must('buildah', [...STORAGE, ...args], log);

export interface ImageConfig {
  User?: string;
  Entrypoint?: string[];
  Cmd?: string[];
  Env?: string[];
  WorkingDir?: string;
}

export async function imageConfig(image: string): Promise<ImageConfig> {
  const out = await buildah(['inspect', '--type', 'image', image]);
  return (JSON.parse(out.stdout) as { OCIv1: { config: ImageConfig } }).OCIv1.config;
}

/** The image's size on disk: its layers, uncompressed, as the manifest lists them. */
export async function imageSizeBytes(image: string): Promise<number> {
  const out = await buildah(['inspect', '--type', 'image', '--format', '{{.Manifest}}', image]);
  const manifest = JSON.parse(out.stdout) as { layers: { size: number }[] };
  return manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
}

/**
 * Runs `args` in a fresh container of `image` the way a platform starts it: the image's own
 * entry point (read from its config) followed by the command; the image's user and env
 * apply. The host network is shared so the container reaches emulators on 127.0.0.1.
 */
export async function runImage(
  image: string,
  args: string[],
  env: Record<string, string>,
  raw = false,
): Promise<Outcome> {
  const entrypoint = raw ? [] : ((await imageConfig(image)).Entrypoint ?? []);
  const ctr = (await buildah(['from', '--quiet', '--pull=never', image])).stdout.trim();
  try {
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
    return await exec('buildah', [
      ...STORAGE,
      'run',
      '--isolation',
      'chroot',
      '--network',
      'host',
      ...envArgs,
      ctr,
      '--',
      ...entrypoint,
      ...args,
    ]);
  } finally {
    await buildah(['rm', ctr]);
  }
}
