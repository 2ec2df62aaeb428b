// Parses the config's `image` (a prebuilt runner image in ECR) into repository and tag.

export interface EcrImage {
  repositoryName: string;
  /** A tag, or a digest "sha256:…". */
  tagOrDigest: string;
}

const ECR_IMAGE =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+)(?::([\w.-]+)|@(sha256:[0-9a-f]{64}))$/;

/** Lambda runs container images only from ECR, so any other registry is refused. */
export function parseEcrImage(uri: string): EcrImage | undefined {
  const match = ECR_IMAGE.exec(uri);
  const tagOrDigest = match?.[2] ?? match?.[3];
  if (!match?.[1] || !tagOrDigest) return undefined;
  return { repositoryName: match[1], tagOrDigest };
}
