// Every report collector, one line each. Adding one is adding a module and a line here.

import { awsCost } from './aws-cost.js';
import { awsHealth } from './aws-health.js';
import { awsOptimisation } from './aws-optimisation.js';
import { awsSecurity } from './aws-security.js';
import { azureCost } from './azure-cost.js';
import type { Collector } from './collector.js';
import { gcpCost } from './gcp-cost.js';

export const COLLECTORS: readonly Collector[] = [
  awsCost,
  awsSecurity,
  awsOptimisation,
  awsHealth,
  azureCost,
  gcpCost,
];
