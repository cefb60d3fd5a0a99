import type { SyncObjectKind, WaitRef } from '../../../shared/protocol/index.ts';
import { channelStatus, mutexState, semaphoreCount } from '../../core/sync-layouts.ts';
import type { ObjectSnapshot } from './deadlock.ts';

/**
 * The run's Mutexes, Semaphores and Channels as the hub knows them (each
 * registers on first use across workers): their names, for the words of a
 * waiting state, and their shared memory, read for the deadlock snapshot.
 */

interface ObjectEntry {
  kind: SyncObjectKind;
  name: string;
  sab: SharedArrayBuffer;
}

export class SyncRegistry {
  private readonly objects = new Map<number, ObjectEntry>();

  register(id: number, kind: SyncObjectKind, name: string, sab: SharedArrayBuffer): void {
    this.objects.set(id, { kind, name, sab });
  }

  /** What a lane waits for, in words (`mutex A`, `jobs (recv)`, `join worker-2`); `laneName` names task ids. */
  describeWait(waits: WaitRef[], laneName: (id: number) => string | undefined): string | undefined {
    const wait = waits.find((w) => w.kind !== 'sleep') ?? waits[0];
    if (!wait) return undefined;
    const object = wait.ref !== undefined ? this.objects.get(wait.ref) : undefined;
    switch (wait.kind) {
      case 'mutex':
      case 'semaphore':
        return object?.name ?? wait.kind;
      case 'recv':
        return `${object?.name ?? 'channel'} (recv)`;
      case 'send':
        return `${object?.name ?? 'channel'} (send)`;
      case 'join':
        return `join ${laneName(wait.ref ?? -1) ?? 'task'}`;
      case 'pool':
        return 'pool results';
      case 'atomics':
        return 'Atomics.wait';
      case 'sleep':
        return 'sleep';
    }
  }

  /** Every object's current state, read from its shared memory. */
  snapshot(): Map<number, ObjectSnapshot> {
    const objects = new Map<number, ObjectSnapshot>();
    for (const [id, entry] of this.objects) {
      if (entry.kind === 'mutex') {
        const { owner, locked } = mutexState(entry.sab);
        objects.set(id, { kind: 'mutex', name: entry.name, owner, locked });
      } else if (entry.kind === 'semaphore') {
        objects.set(id, { kind: 'semaphore', name: entry.name, available: semaphoreCount(entry.sab) });
      } else {
        objects.set(id, { kind: 'channel', name: entry.name, ...channelStatus(entry.sab) });
      }
    }
    return objects;
  }
}
