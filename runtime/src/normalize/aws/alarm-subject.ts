// What a CloudWatch alarm is about: the instance, database or bucket named by its
// metric dimensions, or else the alarm itself.

import type { ResourceType } from '@escher/shared';
import { isObject, type Json } from '../fields.js';

const DIMENSIONS: [string, ResourceType, string][] = [
  ['InstanceId', 'compute_instance', 'AWS::EC2::Instance'],
  ['DBInstanceIdentifier', 'database_instance', 'AWS::RDS::DBInstance'],
  ['DBClusterIdentifier', 'database_instance', 'AWS::RDS::DBCluster'],
  ['BucketName', 'object_storage', 'AWS::S3::Bucket'],
  ['VolumeId', 'volume', 'AWS::EC2::Volume'],
  ['FunctionName', 'serverless_function', 'AWS::Lambda::Function'],
];

export interface AlarmSubject {
  type: ResourceType;
  id: string;
  nativeType: string;
}

/** `dimensions` is a name→value map (EventBridge) or a [{name,value}] list (SNS classic). */
export function alarmSubject(dimensions: unknown, alarmArn: string): AlarmSubject {
  const values = dimensionMap(dimensions);
  for (const [name, type, nativeType] of DIMENSIONS) {
    const value = values[name];
    if (value) return { type, id: value, nativeType };
  }
  return { type: 'monitoring_alarm', id: alarmArn, nativeType: 'AWS::CloudWatch::Alarm' };
}

function dimensionMap(dimensions: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(dimensions)) {
    for (const d of dimensions) {
      if (!isObject(d)) continue;
      const name = d.name ?? d.Name;
      const value = d.value ?? d.Value;
      if (typeof name === 'string' && typeof value === 'string') out[name] = value;
    }
  } else if (isObject(dimensions)) {
    for (const [k, v] of Object.entries(dimensions as Json)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}
