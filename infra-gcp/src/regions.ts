// GCP regions where Cloud Run (services and jobs), Cloud Scheduler and regional Cloud
// Storage are all available.

export const SUPPORTED_REGIONS: readonly string[] = [
  'us-central1',
  'us-east1',
  'us-east4',
  'us-west1',
  'us-west2',
  'northamerica-northeast1',
  'southamerica-east1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'europe-north1',
  'europe-central2',
  'asia-east1',
  'asia-northeast1',
  'asia-south1',
  'asia-southeast1',
  'australia-southeast1',
];
