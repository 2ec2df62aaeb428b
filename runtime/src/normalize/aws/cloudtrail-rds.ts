// RDS calls: start/stop/reboot of instances and clusters, creation, deletion, and
// making a database publicly accessible (HIGH: the endpoint resolves to a public IP).

import { bool, str } from '../fields.js';
import { high, info, medium } from '../severity.js';
import type { CallClassifier, CallFinding } from './cloudtrail-call.js';

const STATE: Record<string, string> = {
  StartDBInstance: 'started',
  StopDBInstance: 'stopped',
  RebootDBInstance: 'rebooted',
  StartDBCluster: 'started',
  StopDBCluster: 'stopped',
};

export const rdsCall: CallClassifier = (call) => {
  const id = str(call.params, 'dBInstanceIdentifier') ?? str(call.params, 'dBClusterIdentifier');
  if (id === undefined) return undefined;
  const cluster = str(call.params, 'dBInstanceIdentifier') === undefined;
  const kind = cluster ? 'cluster' : 'db';
  const resource: CallFinding['resource'] = {
    type: 'database_instance',
    id: `arn:aws:rds:${call.region}:${call.account}:${kind}:${id}`,
    name: id,
    nativeType: cluster ? 'AWS::RDS::DBCluster' : 'AWS::RDS::DBInstance',
  };
  const state = STATE[call.name];
  if (state) return [{ eventType: 'instance_state_changed', baseline: info(`database ${state}`), resource }];
  if (call.name.startsWith('CreateDB'))
    return [{ eventType: 'resource_created', baseline: info('database created'), resource }];
  if (call.name.startsWith('DeleteDB')) {
    const finalSnapshot = bool(call.params, 'skipFinalSnapshot') !== true;
    const baseline = finalSnapshot
      ? info('database deleted with a final snapshot')
      : medium('database deleted without a final snapshot');
    return [{ eventType: 'resource_deleted', baseline, resource }];
  }
  if (call.name.startsWith('ModifyDB')) {
    const publicNow = bool(call.params, 'publiclyAccessible');
    if (publicNow === true)
      return [
        {
          eventType: 'network_exposure_opened',
          baseline: high('database made publicly accessible'),
          resource,
        },
      ];
    if (publicNow === false)
      return [{ eventType: 'network_exposure_closed', baseline: info('database made private'), resource }];
    return [{ eventType: 'resource_modified', baseline: info(`${call.name}`), resource }];
  }
  return undefined;
};
