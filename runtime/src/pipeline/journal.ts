// The run's journal: each step's output is checkpointed create-only in the state before
// the next step with side effects starts, so a runner killed at any boundary resumes where
// it stopped and never repeats one. The checkpoints are also the alert's timeline.
//
// Steps without side effects (normalise … decide) may be deferred: their checkpoints are
// written together by flush() before the first action, the decision last, so a fix waits
// for two store round trips instead of one per step. A run killed before the flush redoes
// those steps, which changes nothing anywhere; one killed during it finds the decision
// recorded only if everything before it is.

import type { TimelineEntry } from '@escher/shared';
import type { Logger } from '../log.js';
import type { Checkpoint, RunCoordination } from './state.js';

export class Journal {
  private readonly done = new Map<number, Checkpoint>();
  private pending: { index: number; checkpoint: Checkpoint }[] = [];
  /** The step running (or last run), for errors and dead letters. */
  current = 'accept';

  constructor(
    private readonly state: Pick<RunCoordination, 'saveCheckpoint'>,
    private readonly key: string,
    existing: (Checkpoint & { index?: number })[],
    private readonly clock: () => Date,
    private readonly boundary: (step: string) => void,
    private readonly log?: Logger,
  ) {
    for (const c of existing) if (typeof c.index === 'number') this.done.set(c.index, c);
  }

  has(index: number): boolean {
    return this.done.has(index);
  }

  /**
   * Runs the step unless a checkpoint holds its output already; returns that output. A
   * deferred step (no side effects) is checkpointed by the next flush().
   */
  async step<T>(
    step: string,
    index: number,
    run: () => Promise<{ text: string; data: T }>,
    options: { defer?: boolean } = {},
  ): Promise<T> {
    const previous = this.done.get(index);
    if (previous) return previous.data as T;
    this.current = step.replace(/#.*/, '');
    const { text, data } = await run();
    const checkpoint: Checkpoint = { step, at: this.clock().toISOString(), text, data };
    if (options.defer) {
      this.done.set(index, checkpoint);
      this.pending.push({ index, checkpoint });
    } else await this.save(index, checkpoint);
    return data;
  }

  /** Writes the deferred checkpoints: all but the last at once, then the last. */
  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    const last = pending.pop();
    await Promise.all(pending.map((p) => this.state.saveCheckpoint(this.key, p.index, p.checkpoint)));
    if (last) await this.state.saveCheckpoint(this.key, last.index, last.checkpoint);
    for (const p of last ? [...pending, last] : pending) {
      this.log?.debug('step done', { step: p.checkpoint.step, text: p.checkpoint.text });
      this.boundary(p.checkpoint.step);
    }
  }

  /** The output a checkpoint at `index` holds, if any. */
  output<T>(index: number): T | undefined {
    return this.done.get(index)?.data as T | undefined;
  }

  /** Checkpoints work done inside the current step (one notification channel) as it lands. */
  async detail(step: string, index: number, text: string, data: unknown): Promise<void> {
    await this.save(index, { step, at: this.clock().toISOString(), text, data, detail: true });
  }

  private async save(index: number, checkpoint: Checkpoint): Promise<void> {
    await this.state.saveCheckpoint(this.key, index, checkpoint);
    this.done.set(index, checkpoint);
    this.log?.debug('step done', { step: checkpoint.step, text: checkpoint.text });
    this.boundary(checkpoint.step);
  }

  timeline(): TimelineEntry[] {
    return [...this.done.entries()]
      .filter(([, c]) => !c.detail)
      .sort(([a], [b]) => a - b)
      .map(([, c]) => ({ at: c.at, step: c.step.replace(/#.*/, '') as TimelineEntry['step'], text: c.text }));
  }

  /** When the step (or the first of its sub-steps) was checkpointed. */
  at(step: string): string | undefined {
    return [...this.done.values()].find((c) => c.step === step || c.step.startsWith(`${step}#`))?.at;
  }
}
