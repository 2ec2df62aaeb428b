// The one runner image, built from container/Dockerfile as a CDK asset (pushed to the
// bootstrap ECR repository on deploy) or taken from an ECR image the config names. The
// Lambda function and the Fargate task both run it; only the command differs.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Arn, IgnoreMode, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { DockerImageAsset, Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { parseEcrImage } from '../ecr-image.js';

export interface ImageSource {
  /** The build context: the repository root, since the image holds runtime/ and shared/. */
  directory: string;
  /** The Dockerfile, relative to `directory`. */
  file: string;
}

export interface RunnerImageProps {
  source: ImageSource;
  /** An ECR image URI from the config's `image`; when set, nothing is built. */
  imageUri?: string;
}

/** Never part of the build context: dependencies are installed inside the image, outputs are rebuilt. */
export const BUILD_CONTEXT_EXCLUDES = [
  '.git',
  '.tools',
  '**/node_modules',
  '**/dist',
  '**/cdk.out',
  '**/*.tsbuildinfo',
  '.escher',
  '.demo',
  'coverage',
];

export class RunnerImage extends Construct {
  private readonly repository: ecr.IRepository;
  private readonly tagOrDigest: string;

  constructor(scope: Construct, id: string, { source, imageUri }: RunnerImageProps) {
    super(scope, id);
    if (imageUri) {
      const image = parseEcrImage(imageUri);
      if (!image) throw new Error(`image: "${imageUri}" is not an ECR image URI with a tag or digest`);
      // The image's own account and region, which may differ from the stack's (a shared registry).
      this.repository = ecr.Repository.fromRepositoryAttributes(this, 'Repository', {
        repositoryName: image.repositoryName,
        repositoryArn: Arn.format(
          {
            service: 'ecr',
            account: image.account,
            region: image.region,
            resource: 'repository',
            resourceName: image.repositoryName,
          },
          Stack.of(this),
        ),
      });
      this.tagOrDigest = image.tagOrDigest;
      return;
    }
    // Synth only hashes the build context (no Docker needed), but the Dockerfile must be there.
    if (!existsSync(join(source.directory, source.file))) {
      throw new Error(
        `image: ${source.file} not found in ${source.directory}; the runner image is built from it, or set image: <ECR image URI> in the config`,
      );
    }
    const asset = new DockerImageAsset(this, 'Asset', {
      directory: source.directory,
      file: source.file,
      platform: Platform.LINUX_AMD64,
      ignoreMode: IgnoreMode.DOCKER,
      // CDK re-includes only a Dockerfile at the context root; a nested one that the
      // .dockerignore leaves out must be re-included here, or the staged context lacks it.
      exclude: [...BUILD_CONTEXT_EXCLUDES, `!${source.file}`],
    });
    this.repository = asset.repository;
    this.tagOrDigest = asset.imageTag;
  }

  lambdaCode(cmd: string[]): lambda.DockerImageCode {
    return lambda.DockerImageCode.fromEcr(this.repository, { tagOrDigest: this.tagOrDigest, cmd });
  }

  containerImage(): ecs.ContainerImage {
    return ecs.ContainerImage.fromEcrRepository(this.repository, this.tagOrDigest);
  }
}
