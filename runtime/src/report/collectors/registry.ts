// Every report collector, one line each. Adding one is adding a module and a line here.

import { awsCost } from './aws-cost.js';
import { awsHealth } from './aws-health.js';
import { awsOptimisation } from './aws-optimisation.js';
import { awsSecurity } from './aws-security.js';
import { azureCost } from './azure-cost.js';
import { azureHealth } from './azure-health.js';
import { azureOptimisation } from './azure-optimisation.js';
import { azureSecurity } from './azure-security.js';
import type { Collector } from './collector.js';
import { gcpCost } from './gcp-cost.js';
import { gcpHealth } from './gcp-health.js';
import { gcpOptimisation } from './gcp-optimisation.js';
import { gcpSecurity } from './gcp-security.js';

export const COLLECTORS: readonly Collector[] = [
  awsCost,
  awsSecurity,
  awsOptimisation,
  awsHealth,
  azureCost,
  azureSecurity,
  azureOptimisation,
  azureHealth,
  gcpCost,
  gcpSecurity,
  gcpOptimisation,
  gcpHealth,
];
