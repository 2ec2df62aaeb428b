// Journal positions of the pipeline's steps. Sub-steps (one per action, one per notification
// channel) take the slots after their step's base, so checkpoints sort in the order they happen.

export const STEP_INDEX = {
  accept: 0,
  normalise: 100,
  load_state: 200,
  enrich: 300,
  analyse: 400,
  decide: 500,
  act: 600,
  verify: 700,
  notify: 800,
} as const;
