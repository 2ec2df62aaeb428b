// Pulumi mock suites of both Pulumi stacks record every resource the program declares
// (type, name, inputs) and look resources up by type or name. The Pulumi runtime is passed
// in, so @escher/shared needs no Pulumi dependency; each stack keeps its own provider
// answers (computed outputs, known function calls).

export interface Recorded {
  type: string;
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: resource inputs are arbitrary JSON; tests assert exact values.
  inputs: Record<string, any>;
}

/** The slice of Pulumi's `Mocks` interface the recorder wraps. */
export interface ResourceMocks {
  // biome-ignore lint/suspicious/noExplicitAny: mirrors Pulumi's MockResourceArgs, whose inputs are any.
  newResource(args: { type: string; name: string; inputs: any }): unknown;
}

/** The slice of `pulumi.runtime` that installs mocks and drains outstanding RPCs. */
export interface MockRuntime<M extends ResourceMocks> {
  setMocks(mocks: M, project?: string, stack?: string, preview?: boolean): Promise<void>;
  disconnect(): Promise<void>;
}

/** Runs `declare` against recording mocks (project escher, stack test) and returns every resource once all RPCs drained. */
export async function recordResources<M extends ResourceMocks>(
  runtime: MockRuntime<M>,
  mocks: M,
  declare: () => unknown,
): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const recording = {
    ...mocks,
    newResource: (args: Parameters<M['newResource']>[0]) => {
      recorded.push({ type: args.type, name: args.name, inputs: args.inputs });
      return mocks.newResource(args);
    },
  } as M;
  await runtime.setMocks(recording, 'escher', 'test', false);
  await declare();
  await runtime.disconnect();
  return recorded;
}

export function only(recorded: Recorded[], type: string): Recorded[] {
  return recorded.filter((r) => r.type === type);
}

export function byName(recorded: Recorded[], name: string): Recorded {
  const found = recorded.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}; have ${recorded.map((r) => r.name).join(', ')}`);
  return found;
}

/** A `call` mock that answers only the known function tokens and fails on any other. */
export function knownCalls(
  answers: Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>,
  // biome-ignore lint/suspicious/noExplicitAny: mirrors Pulumi's MockCallArgs, whose inputs are any.
): (args: { token: string; inputs: any }) => Record<string, unknown> {
  return (args) => {
    const answer = answers[args.token];
    if (!answer) throw new Error(`unexpected provider call ${args.token}`);
    return answer(args.inputs);
  };
}
