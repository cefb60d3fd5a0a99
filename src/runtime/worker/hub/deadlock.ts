import type { LaneState, SyncObjectKind, WaitRef } from '../../../shared/protocol/index.ts';

/**
 * Deadlock detection over a snapshot of the run: every live lane's last
 * reported state and the shared memory of every Mutex, Semaphore and
 * Channel. A run is deadlocked when no lane can make progress (none is
 * running, sleeping, or has a timer, timeout or fetch that could wake it)
 * and at least one waits on the runtime. The hub calls this repeatedly and
 * reports only a snapshot that stayed the same for a while, so messages
 * still in flight cannot fake a deadlock.
 */

export interface LaneSnapshot {
  id: number;
  name: string;
  state: LaneState;
  waits: WaitRef[];
  /** Semaphore ids this lane holds permits of. */
  holds: number[];
  wakeable: boolean;
}

export interface ObjectSnapshot {
  kind: SyncObjectKind;
  name: string;
  /** Mutex: owner lane id + 1, 0 when free. */
  owner?: number;
  locked?: boolean;
  /** Semaphore: free permits. */
  available?: number;
  /** Channel. */
  length?: number;
  capacity?: number;
  closed?: boolean;
}

export interface RunSnapshot {
  /** Lanes that can still do something: main until its module is done and quiet, tasks until their function returns. */
  lanes: LaneSnapshot[];
  objects: Map<number, ObjectSnapshot>;
  /** Task ids whose function is still running (a join on them is still pending). */
  liveTasks: Set<number>;
  /** Pool id → its workers' lane ids. */
  pools: Map<number, number[]>;
}

export interface Deadlock {
  /** Stable identity of the situation, to report it once. */
  key: string;
  message: string;
}

export function findDeadlock(run: RunSnapshot): Deadlock | null {
  if (run.lanes.length === 0) return null;
  let someoneWaits = false;
  for (const lane of run.lanes) {
    if (lane.state === 'running' || lane.state === 'sleeping' || lane.wakeable) return null;
    if (lane.state === 'waiting') {
      if (lane.waits.length === 0) return null;
      // An async waiter is stuck only if none of its waits can complete.
      if (lane.waits.some((wait) => canProceed(wait, run))) return null;
      someoneWaits = true;
    }
  }
  if (!someoneWaits) return null;
  return { key: snapshotKey(run), message: describe(run) };
}

function canProceed(wait: WaitRef, run: RunSnapshot): boolean {
  const object = wait.ref !== undefined ? run.objects.get(wait.ref) : undefined;
  switch (wait.kind) {
    case 'mutex':
      return object ? object.locked === false : false;
    case 'semaphore':
      return object ? (object.available ?? 0) > 0 : false;
    case 'recv':
      return object ? (object.length ?? 0) > 0 || object.closed === true : false;
    case 'send':
      return object ? object.closed === true || (object.length ?? 0) < Math.max(1, object.capacity ?? 1) : false;
    case 'join':
      return wait.ref !== undefined && !run.liveTasks.has(wait.ref);
    case 'sleep':
      return true;
    case 'pool':
    case 'atomics':
      return false;
  }
}

function snapshotKey(run: RunSnapshot): string {
  return run.lanes
    .map((lane) => `${lane.id}:${lane.state}:${lane.waits.map((w) => `${w.kind}${w.ref ?? ''}`).join('+')}`)
    .join('|');
}

function laneName(id: number, run: RunSnapshot): string {
  return run.lanes.find((lane) => lane.id === id)?.name ?? (id === 0 ? 'main' : `worker-${id}`);
}

/** What a lane holds, in words: `mutex A and a permit of semaphore S`. */
function holdings(lane: LaneSnapshot, run: RunSnapshot): string[] {
  const held: string[] = [];
  for (const object of run.objects.values())
    if (object.kind === 'mutex' && object.owner === lane.id + 1) held.push(object.name);
  for (const id of lane.holds) {
    const object = run.objects.get(id);
    if (object) held.push(`a permit of ${object.name}`);
  }
  return held;
}

function target(wait: WaitRef, run: RunSnapshot): string {
  const object = wait.ref !== undefined ? run.objects.get(wait.ref) : undefined;
  const name = object?.name ?? `${wait.kind} #${wait.ref ?? '?'}`;
  switch (wait.kind) {
    case 'mutex': {
      const owner = object?.owner ? laneName(object.owner - 1, run) : undefined;
      return owner ? `${name} (held by ${owner})` : name;
    }
    case 'semaphore':
      return `a permit of ${name} (none free)`;
    case 'recv':
      return `a value from ${name} (empty)`;
    case 'send':
      return `room in ${name} (full)`;
    case 'join':
      return `${laneName(wait.ref ?? -1, run)} to finish`;
    case 'pool':
      return 'results from its pool';
    case 'atomics':
      return 'an Atomics.notify that nobody is left to send';
    case 'sleep':
      return 'a timer';
  }
}

function describeLane(lane: LaneSnapshot, run: RunSnapshot): string {
  const held = holdings(lane, run);
  const holds = held.length ? ` holds ${joinWords(held)} and` : '';
  if (lane.state !== 'waiting') return `${lane.name}${holds ? ` holds ${joinWords(held)} and` : ''} is idle, with nothing left that could wake it`;
  const waits = lane.waits.filter((w) => w.kind !== 'sleep').map((w) => target(w, run));
  return `${lane.name}${holds} waits for ${joinWords(waits)}`;
}

/** Lanes in a wait-for cycle, in cycle order (empty when there is none). */
export function findCycle(run: RunSnapshot): number[] {
  const edges = new Map<number, number[]>();
  for (const lane of run.lanes) {
    const next: number[] = [];
    for (const wait of lane.waits) {
      const object = wait.ref !== undefined ? run.objects.get(wait.ref) : undefined;
      if (wait.kind === 'mutex' && object?.owner) next.push(object.owner - 1);
      if (wait.kind === 'join' && wait.ref !== undefined) next.push(wait.ref);
      if (wait.kind === 'semaphore' && wait.ref !== undefined)
        for (const other of run.lanes) if (other.holds.includes(wait.ref)) next.push(other.id);
      if (wait.kind === 'pool' && wait.ref !== undefined) next.push(...(run.pools.get(wait.ref) ?? []));
    }
    edges.set(lane.id, next);
  }
  for (const start of run.lanes) {
    const path: number[] = [];
    const onPath = new Set<number>();
    const visit = (id: number): number[] | null => {
      if (onPath.has(id)) return path.slice(path.indexOf(id));
      onPath.add(id);
      path.push(id);
      for (const next of edges.get(id) ?? []) {
        const found = visit(next);
        if (found) return found;
      }
      onPath.delete(id);
      path.pop();
      return null;
    };
    const cycle = visit(start.id);
    if (cycle) return cycle;
  }
  return [];
}

export function describe(run: RunSnapshot): string {
  const cycle = findCycle(run);
  const ordered = [
    ...cycle.map((id) => run.lanes.find((lane) => lane.id === id)).filter((l): l is LaneSnapshot => l !== undefined),
    ...run.lanes.filter((lane) => !cycle.includes(lane.id)),
  ];
  const parts = ordered.filter((lane) => lane.state === 'waiting' || cycle.includes(lane.id)).map((lane) => describeLane(lane, run));
  const idle = ordered.filter((lane) => lane.state !== 'waiting' && !cycle.includes(lane.id)).map((lane) => describeLane(lane, run));
  return `Deadlock: ${[...parts, ...idle].join('; ')}. No worker can go on.`;
}

function joinWords(items: string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1] ?? ''}`;
}
