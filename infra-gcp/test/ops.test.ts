import { describeStackScripts } from '@escher/shared/testing';

// Without a Pulumi CLI each script stops with the shared message, as the shared suite specifies.
describeStackScripts({
  deploy: () => import('../src/ops/deploy.js'),
  destroy: () => import('../src/ops/destroy.js'),
});
