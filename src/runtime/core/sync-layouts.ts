/**
 * The shared-memory layout of each synchronisation object of the racecourse
 * module, and how to read its state from outside the object. The classes
 * (racecourse/) write these cells; the hub (worker/hub) reads them to explain
 * a deadlock. Keeping the layouts here lets the hub read them without pulling
 * in the classes and their revivers.
 */

/** Mutex: Int32 cells. STATE is Drepper's 0 free / 1 held / 2 held with waiters. */
export const MUTEX = { STATE: 0, OWNER: 1 } as const;

/** Semaphore: one Int32 of free permits. */
export const SEMAPHORE = { COUNT: 0 } as const;

/** Channel: an Int32 header of HEADER_BYTES, then the byte ring of encoded values. */
export const CHANNEL = {
  LOCK: 0,
  COUNT: 1,
  HEAD: 2,
  TAIL: 3,
  USED: 4,
  CLOSED: 5,
  SEQ: 6,
  CAPACITY: 7,
  SENT: 8,
  RECEIVED: 9,
  RENDEZVOUS: 10,
  HEADER_BYTES: 64,
} as const;

/** Who holds the mutex in `sab` (owner: 0 = nobody, else worker id + 1). */
export function mutexState(sab: SharedArrayBuffer): { owner: number; locked: boolean } {
  const cells = new Int32Array(sab);
  return { owner: Atomics.load(cells, MUTEX.OWNER), locked: Atomics.load(cells, MUTEX.STATE) !== 0 };
}

/** Free permits of the semaphore in `sab`. */
export function semaphoreCount(sab: SharedArrayBuffer): number {
  return Atomics.load(new Int32Array(sab), SEMAPHORE.COUNT);
}

/** What the hub needs to explain a wait on the channel in `sab`. */
export function channelStatus(sab: SharedArrayBuffer): { length: number; capacity: number; closed: boolean } {
  const header = new Int32Array(sab, 0, CHANNEL.HEADER_BYTES / 4);
  return {
    length: Atomics.load(header, CHANNEL.COUNT),
    capacity: header[CHANNEL.RENDEZVOUS] ? 0 : Atomics.load(header, CHANNEL.CAPACITY),
    closed: Atomics.load(header, CHANNEL.CLOSED) === 1,
  };
}
