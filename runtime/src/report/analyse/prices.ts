// A small documented price and size table for savings estimates: on-demand Linux hourly
// prices in USD (AWS us-east-1, Azure East US pay-as-you-go, GCP us-central1), as listed
// on the providers' public price pages in 2025. Monthly = hourly × 730 h. Estimates only:
// the cost section reports what was billed; this table only sizes a saving.

export const HOURS_PER_MONTH = 730;

/** Each family lists its sizes smallest first; right-sizing steps one size down. */
const FAMILIES: Record<string, [size: string, hourly: number][]> = {
  t3: [
    ['t3.micro', 0.0104],
    ['t3.small', 0.0208],
    ['t3.medium', 0.0416],
    ['t3.large', 0.0832],
    ['t3.xlarge', 0.1664],
    ['t3.2xlarge', 0.3328],
  ],
  m5: [
    ['m5.large', 0.096],
    ['m5.xlarge', 0.192],
    ['m5.2xlarge', 0.384],
    ['m5.4xlarge', 0.768],
  ],
  c5: [
    ['c5.large', 0.085],
    ['c5.xlarge', 0.17],
    ['c5.2xlarge', 0.34],
    ['c5.4xlarge', 0.68],
  ],
  r5: [
    ['r5.large', 0.126],
    ['r5.xlarge', 0.252],
    ['r5.2xlarge', 0.504],
  ],
  Standard_D_v5: [
    ['Standard_D2s_v5', 0.096],
    ['Standard_D4s_v5', 0.192],
    ['Standard_D8s_v5', 0.384],
    ['Standard_D16s_v5', 0.768],
  ],
  Standard_B: [
    ['Standard_B1s', 0.0104],
    ['Standard_B2s', 0.0416],
    ['Standard_B2ms', 0.0832],
    ['Standard_B4ms', 0.166],
  ],
  Standard_E_v5: [
    ['Standard_E2s_v5', 0.126],
    ['Standard_E4s_v5', 0.252],
    ['Standard_E8s_v5', 0.504],
    ['Standard_E16s_v5', 1.008],
  ],
  'e2-standard': [
    ['e2-standard-2', 0.067],
    ['e2-standard-4', 0.134],
    ['e2-standard-8', 0.268],
    ['e2-standard-16', 0.536],
  ],
  'n2-standard': [
    ['n2-standard-2', 0.0971],
    ['n2-standard-4', 0.1942],
    ['n2-standard-8', 0.3885],
    ['n2-standard-16', 0.7769],
  ],
  'n1-standard': [
    ['n1-standard-1', 0.0475],
    ['n1-standard-2', 0.095],
    ['n1-standard-4', 0.19],
    ['n1-standard-8', 0.38],
  ],
};

const BY_SIZE = new Map<string, { family: string; index: number; hourly: number }>();
for (const [family, sizes] of Object.entries(FAMILIES)) {
  for (const [index, [size, hourly]] of sizes.entries()) BY_SIZE.set(size, { family, index, hourly });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Monthly on-demand price, or undefined for a size the table does not know. */
export function monthlyPrice(size: string): number | undefined {
  const found = BY_SIZE.get(size);
  return found ? round2(found.hourly * HOURS_PER_MONTH) : undefined;
}

/** The next smaller size in the same family, or undefined at the bottom or for an unknown size. */
export function smallerSize(size: string): string | undefined {
  const found = BY_SIZE.get(size);
  if (!found || found.index === 0) return undefined;
  return FAMILIES[found.family]?.[found.index - 1]?.[0];
}

/**
 * Block storage per GB-month: EBS gp3 $0.08, gp2 $0.10, io1 $0.125, snapshots $0.05.
 * Azure managed disks are billed per size tier; their rate here is the 128 GiB tier's
 * price per GiB (Premium SSD P10 $19.71, Standard SSD E10 $9.60, Standard HDD S10 $5.89).
 * GCP persistent disks: pd-standard $0.04, pd-balanced $0.10, pd-ssd $0.17 (us-central1).
 * Standard snapshots are about $0.05 per GB-month on all three.
 */
const STORAGE_GB_MONTH: Record<string, number> = {
  Premium_LRS: 0.154,
  StandardSSD_LRS: 0.075,
  Standard_LRS: 0.046,
  'pd-standard': 0.04,
  'pd-balanced': 0.1,
  'pd-ssd': 0.17,
  gp3: 0.08,
  gp2: 0.1,
  io1: 0.125,
  io2: 0.125,
  st1: 0.045,
  sc1: 0.015,
  standard: 0.05,
  snapshot: 0.05,
};

export function storageMonthly(kind: string, sizeGb: number): number {
  return round2((STORAGE_GB_MONTH[kind] ?? 0.08) * sizeGb);
}
