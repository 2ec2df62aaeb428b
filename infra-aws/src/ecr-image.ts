// Parses the config's `image` (a prebuilt runner image in ECR) into repository and tag.

export interface EcrImage {
  account: string;
  region: string;
  repositoryName: string;
  /** A tag, or a digest "sha256:…". */
  tagOrDigest: string;
}

const ECR_IMAGE =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+)(?::([\w.-]+)|@(sha256:[0-9a-f]{64}))$/;

/** Lambda runs container images only from ECR, so any other registry is refused. */
export function parseEcrImage(uri: string): EcrImage | undefined {
  const [, account, region, repositoryName, tag, digest] = ECR_IMAGE.exec(uri) ?? [];
  const tagOrDigest = tag ?? digest;
  if (!account || !region || !repositoryName || !tagOrDigest) return undefined;
  return { account, region, repositoryName, tagOrDigest };
}
