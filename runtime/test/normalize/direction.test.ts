// Direction matters: the same API can open or close exposure. Each case reshapes a real
// vendor fixture the way the opposite call would look, and checks kind and severity.

import { describe, expect, it } from 'vitest';
import { fixture, run } from './support.js';

const one = (input: unknown) => {
  const { events, errors } = run(input);
  expect(errors).toEqual([]);
  const [event] = events;
  return [event?.event_type, event?.severity];
};

describe('S3 exposure via CloudTrail', () => {
  const base = () => fixture('aws/cloudtrail/eventbridge-s3-put-public-access-block-weakened.json');

  it('closes exposure when a public-access-block is put with all four flags true', () => {
    const e = base();
    Object.assign(e.detail.requestParameters.PublicAccessBlockConfiguration, {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
    });
    expect(one(e)).toEqual(['storage_public_access_revoked', 'INFO']);
  });

  it('opens it, CRITICAL, when an ACL grants READ to AllUsers', () => {
    const e = fixture('aws/cloudtrail/record-s3-put-bucket-acl-private.json');
    e.requestParameters = {
      bucketName: 'bucket',
      AccessControlPolicy: {
        AccessControlList: {
          Grant: [
            { Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
          ],
        },
      },
    };
    expect(one(e)).toEqual(['storage_public_access_granted', 'CRITICAL']);
  });

  it('opens it, HIGH, when a canned ACL grants authenticated-read', () => {
    const e = fixture('aws/cloudtrail/record-s3-put-bucket-acl-private.json');
    e.requestParameters['x-amz-acl'] = ['authenticated-read'];
    expect(one(e)).toEqual(['storage_public_access_granted', 'HIGH']);
  });

  it('rates a public policy under a Condition HIGH, not CRITICAL', () => {
    const e = fixture('aws/cloudtrail/record-s3-put-bucket-policy-public.json');
    e.requestParameters.bucketPolicy.Statement[0].Condition = {
      IpAddress: { 'aws:SourceIp': '192.0.2.0/24' },
    };
    expect(one(e)).toEqual(['storage_public_access_granted', 'HIGH']);
  });

  it('reads a bucket policy sent as JSON text', () => {
    const e = fixture('aws/cloudtrail/record-s3-put-bucket-policy-public.json');
    e.requestParameters.bucketPolicy = JSON.stringify(e.requestParameters.bucketPolicy);
    expect(one(e)).toEqual(['storage_public_access_granted', 'CRITICAL']);
  });
});

describe('security group ingress via CloudTrail', () => {
  const ingress = (cidr: string, from: number, to: number, protocol = 'tcp') => {
    const e = fixture('aws/cloudtrail/record-ec2-authorize-sg-ingress.json');
    e.requestParameters.ipPermissions.items = [
      { ipProtocol: protocol, fromPort: from, toPort: to, ipRanges: { items: [{ cidrIp: cidr }] } },
    ];
    return e;
  };

  it('is CRITICAL for SSH from 0.0.0.0/0', () => {
    expect(one(ingress('0.0.0.0/0', 22, 22))).toEqual(['network_exposure_opened', 'CRITICAL']);
  });

  it('is CRITICAL for all traffic from the internet', () => {
    expect(one(ingress('0.0.0.0/0', -1, -1, '-1'))).toEqual(['network_exposure_opened', 'CRITICAL']);
  });

  it('is HIGH for a database port from the internet', () => {
    expect(one(ingress('0.0.0.0/0', 3306, 3306))).toEqual(['network_exposure_opened', 'HIGH']);
  });

  it('is MEDIUM for HTTPS from the internet', () => {
    expect(one(ingress('0.0.0.0/0', 443, 443))).toEqual(['network_exposure_opened', 'MEDIUM']);
  });

  it('closes exposure when the rule is revoked', () => {
    const e = ingress('0.0.0.0/0', 22, 22);
    e.eventName = 'RevokeSecurityGroupIngress';
    expect(one(e)).toEqual(['network_exposure_closed', 'INFO']);
  });
});

describe('GCS and VPC firewall via Cloud Audit Logs', () => {
  it('revokes public access when allUsers is removed', () => {
    const e = fixture('gcp/audit-log/gcs-set-iam-all-users.json');
    e.protoPayload.serviceData.policyDelta.bindingDeltas[0].action = 'REMOVE';
    expect(one(e)).toEqual(['storage_public_access_revoked', 'INFO']);
  });

  it('treats allAuthenticatedUsers as public', () => {
    const e = fixture('gcp/audit-log/gcs-set-iam-all-users.json');
    e.protoPayload.serviceData.policyDelta.bindingDeltas[0].member = 'allAuthenticatedUsers';
    expect(one(e)).toEqual(['storage_public_access_granted', 'CRITICAL']);
  });

  it('rates RDP open to the world CRITICAL', () => {
    const e = fixture('gcp/audit-log/firewall-insert-http-any-source.json');
    e.protoPayload.request.alloweds = [{ IPProtocol: 'tcp', ports: ['3389'] }];
    e.protoPayload.request.sourceRanges = ['0.0.0.0/0'];
    expect(one(e)).toEqual(['network_exposure_opened', 'CRITICAL']);
  });

  it('rates SSH from a private range INFO', () => {
    const e = fixture('gcp/audit-log/firewall-insert-http-any-source.json');
    e.protoPayload.request.alloweds = [{ IPProtocol: 'tcp', ports: ['22'] }];
    e.protoPayload.request.sourceRanges = ['10.0.0.0/8'];
    expect(one(e)).toEqual(['network_exposure_opened', 'INFO']);
  });

  it('closes exposure when a rule is disabled', () => {
    const e = fixture('gcp/audit-log/firewall-insert-http-any-source.json');
    e.protoPayload.methodName = 'v1.compute.firewalls.patch';
    e.protoPayload.request.disabled = true;
    expect(one(e)).toEqual(['network_exposure_closed', 'INFO']);
  });
});

describe('alarms and findings that resolve', () => {
  it('resolves a CloudWatch alarm that returns to OK', () => {
    const e = fixture('aws/cloudwatch-alarm/eventbridge-single-metric.json');
    e.detail.state.value = 'OK';
    expect(one(e)).toEqual(['metric_alarm_resolved', 'INFO']);
  });

  it('resolves an archived GuardDuty finding', () => {
    const e = fixture('aws/guardduty/eventbridge-ec2-backdoor.json');
    e.detail.service.archived = true;
    expect(one(e)).toEqual(['security_finding_resolved', 'INFO']);
  });

  it('resolves an inactive SCC finding', () => {
    const e = fixture('gcp/scc/sha-open-firewall.json');
    e.finding.state = 'INACTIVE';
    expect(one(e)).toEqual(['security_finding_resolved', 'INFO']);
  });

  it('maps Azure Sev0 on a firing alert to CRITICAL', () => {
    const e = fixture('azure/monitor-alert/test-metric-static-threshold.json');
    e.data.essentials.severity = 'Sev0';
    expect(one(e)).toEqual(['metric_alarm_firing', 'CRITICAL']);
  });
});
