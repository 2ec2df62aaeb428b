// Builds the runner image the way CI can: buildah from Debian packages, a local base image
// assembled without any registry (cached rootfs in .tools/), then container/Dockerfile
// with that base. Removing both images afterwards leaves no storage or mounts behind.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildah, exec, must, REPO_ROOT } from './buildah.js';

// Tagged per process: two test runs on one machine share buildah's storage, and one's
// cleanup must not remove the other's images.
export const BASE_IMAGE = `localhost/escher-base:test-${process.pid}`;
export const RUNNER_IMAGE = `localhost/escher-runner:test-${process.pid}`;
const script = (name: string) => join(REPO_ROOT, 'container', 'scripts', name);

/** A host behind a TLS-inspecting proxy trusts its CA through NODE_EXTRA_CA_CERTS; so must the build. */
function proxyCaArgs(): string[] {
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  if (!ca) return [];
  return [
    '--volume',
    `${ca}:/run/escher-build-ca.pem:ro`,
    '--build-arg',
    'NODE_EXTRA_CA_CERTS=/run/escher-build-ca.pem',
  ];
}

/** The model runtime/scripts/install-model.sh installed; the image bakes this copy in. */
export const INSTALLED_MODEL = join(REPO_ROOT, '.tools', 'models', 'all-MiniLM-L6-v2');

/** The build uses the installed model when there is one, so it needs no model download. */
function modelContextArgs(): string[] {
  return existsSync(join(INSTALLED_MODEL, 'model.onnx'))
    ? ['--build-context', `model=${INSTALLED_MODEL}`]
    : [];
}

export async function buildRunnerImage(): Promise<void> {
  const logs = mkdtempSync(join(tmpdir(), 'escher-image-'));
  try {
    await must('bash', [script('install-buildah.sh')], join(logs, 'install.log'));
    await must('bash', [script('make-local-base.sh'), BASE_IMAGE], join(logs, 'base.log'));
    await buildah(
      [
        'bud',
        '--isolation',
        'chroot',
        '--network',
        'host',
        '--pull=never',
        ...proxyCaArgs(),
        ...modelContextArgs(),
        '--build-arg',
        `BASE_IMAGE=${BASE_IMAGE}`,
        '-f',
        'container/Dockerfile',
        '-t',
        RUNNER_IMAGE,
        '.',
      ],
      join(logs, 'build.log'),
    );
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

/** Removes the test's images and any container left by an interrupted run. */
export async function removeImages(): Promise<void> {
  const leftover = await exec('buildah', [
    '--storage-driver',
    'vfs',
    'containers',
    '--quiet',
    '--filter',
    `ancestor=${RUNNER_IMAGE}`,
  ]);
  for (const id of leftover.stdout.split('\n').filter(Boolean))
    await exec('buildah', ['--storage-driver', 'vfs', 'rm', id]);
  for (const image of [RUNNER_IMAGE, BASE_IMAGE])
    await exec('buildah', ['--storage-driver', 'vfs', 'rmi', '--force', image]);
  // Build stages leave unnamed intermediate images behind.
  await exec('buildah', ['--storage-driver', 'vfs', 'rmi', '--prune']);
}
