// Logic Apps recurrences take Windows time-zone names, while the Escher config uses IANA
// names. This table covers the zones we support; anything else is refused by name so a
// schedule never silently runs in the wrong zone.

const IANA_TO_WINDOWS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Lisbon': 'GMT Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/Warsaw': 'Central European Standard Time',
  'Europe/Prague': 'Central Europe Standard Time',
  'Europe/Budapest': 'Central Europe Standard Time',
  'Europe/Athens': 'GTB Standard Time',
  'Europe/Bucharest': 'GTB Standard Time',
  'Europe/Helsinki': 'FLE Standard Time',
  'Europe/Istanbul': 'Turkey Standard Time',
  'Europe/Moscow': 'Russian Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Toronto': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Phoenix': 'US Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'America/Vancouver': 'Pacific Standard Time',
  'America/Anchorage': 'Alaskan Standard Time',
  'Pacific/Honolulu': 'Hawaiian Standard Time',
  'America/Mexico_City': 'Central Standard Time (Mexico)',
  'America/Bogota': 'SA Pacific Standard Time',
  'America/Sao_Paulo': 'E. South America Standard Time',
  'America/Argentina/Buenos_Aires': 'Argentina Standard Time',
  'Africa/Johannesburg': 'South Africa Standard Time',
  'Africa/Lagos': 'W. Central Africa Standard Time',
  'Africa/Cairo': 'Egypt Standard Time',
  'Asia/Dubai': 'Arabian Standard Time',
  'Asia/Jerusalem': 'Israel Standard Time',
  'Asia/Kolkata': 'India Standard Time',
  'Asia/Bangkok': 'SE Asia Standard Time',
  'Asia/Jakarta': 'SE Asia Standard Time',
  'Asia/Singapore': 'Singapore Standard Time',
  'Asia/Shanghai': 'China Standard Time',
  'Asia/Hong_Kong': 'China Standard Time',
  'Asia/Seoul': 'Korea Standard Time',
  'Asia/Tokyo': 'Tokyo Standard Time',
  'Australia/Perth': 'W. Australia Standard Time',
  'Australia/Brisbane': 'E. Australia Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
  'Australia/Melbourne': 'AUS Eastern Standard Time',
  'Pacific/Auckland': 'New Zealand Standard Time',
};

export class UnsupportedTimeZoneError extends Error {
  override name = 'UnsupportedTimeZoneError';
  constructor(readonly timeZone: string) {
    super(
      `"${timeZone}" has no Logic Apps (Windows) time-zone mapping here; use a listed zone such as ` +
        'Europe/Berlin, America/New_York or UTC',
    );
  }
}

export const SUPPORTED_TIME_ZONES: readonly string[] = Object.keys(IANA_TO_WINDOWS);

/** The Windows name Logic Apps needs for an IANA zone; throws for zones outside the table. */
export function windowsTimeZone(ianaZone: string): string {
  const windows = IANA_TO_WINDOWS[ianaZone];
  if (!windows) throw new UnsupportedTimeZoneError(ianaZone);
  return windows;
}
