import { runEnvironment } from './host.ts';
import { array, either, int, literal, num, object, optional, port, sab, str, union, unknownValue, type Infer } from '../schema.ts';

/**
 * Hub → task worker (`task-init`), and a task ⇄ its spawner (a `Task` or a
 * `Pool`) on the port the spawner made for it.
 */

/** Where the source of a function given to spawn/Pool sits in the snippet. */
export const fnSource = object({
  source: str(),
  /** 1-based line and 0-based column of the function's first character in the snippet. */
  line: int(),
  column: int(),
});
export type FnSource = Infer<typeof fnSource>;

export const taskInit = union('type', {
  'task-init': object({
    runId: int(),
    id: int(),
    name: str(),
    control: sab(),
    ring: sab(),
    hubPort: port(),
    spawnerPort: port(),
    snippet: str(),
    pageUrl: str(),
    /** The pool's id for a pool worker, else 0. */
    pool: int(),
    fn: optional(fnSource),
    args: array(unknownValue()),
    environment: runEnvironment,
  }),
});
export type TaskInit = Infer<typeof taskInit>;

/** A thrown value, made cloneable. `stack` already points into the snippet. */
export const errorInfo = object({
  name: str(),
  message: str(),
  stack: str(),
  line: optional(int()),
  column: optional(int()),
});
export type ErrorInfo = Infer<typeof errorInfo>;

const outcome = either(object({ ok: literal(true), value: unknownValue() }), object({ ok: literal(false), error: errorInfo }));
export type JobOutcome = Infer<typeof outcome>;

/** Who sent a message (lane id) and when (run time): the receiver records the arrow. */
const stamp = { from: int(), sent: num() };

/** User data of `postMessage` between a task and its spawner. */
const userMessage = object({ data: unknownValue(), ...stamp });

export const taskToSpawner = union('type', {
  result: outcome,
  message: userMessage,
  'job-result': object({ jobId: int(), results: array(outcome), ...stamp }),
});
export type TaskToSpawner = Infer<typeof taskToSpawner>;

export const spawnerToTask = union('type', {
  message: userMessage,
  /** A batch of calls of one function; results come back in one `job-result`. */
  job: object({ jobId: int(), fn: fnSource, calls: array(array(unknownValue())), ...stamp }),
});
export type SpawnerToTask = Infer<typeof spawnerToTask>;

