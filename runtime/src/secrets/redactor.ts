// Masks every secret value the runner has loaded, wherever it might leak: log lines,
// AI requests, notifications, dead-letter records. Every SecretStore read registers here.

const MASK = '[REDACTED]';
/** Values this short are too likely to match innocent text to be masked reliably. */
const MIN_SECRET_LENGTH = 4;

export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  add(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) return;
    this.secrets.add(value);
    // Secrets embedded in JSON show up escaped; mask that form too.
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value) this.secrets.add(escaped);
    this.pattern = undefined;
  }

  get size(): number {
    return this.secrets.size;
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, MASK);
  }

  /** A deep copy with every string (keys included) redacted. */
  redactDeep<T>(value: T): T {
    if (this.secrets.size === 0) return value;
    return JSON.parse(this.redact(JSON.stringify(value))) as T;
  }
}
