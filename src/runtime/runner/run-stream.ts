/**
 * The numbered events of one run, for any number of listeners. A listener
 * that subscribes late first gets every event so far, then the rest as they
 * happen, so every reader of a run (views, tests, the run's own `onEvent`)
 * sees the same stream from its first event. Kept apart from the Run so these
 * rules can be tested without a browser.
 */
import type { RunEvent } from '../../shared/protocol/index.ts';

export type RunEventListener = (event: RunEvent) => void;

export class RunStream {
  readonly #events: RunEvent[] = [];
  readonly #listeners = new Set<{ listener: RunEventListener }>();

  /** Every event published so far, in order. */
  get events(): readonly RunEvent[] {
    return this.#events;
  }

  publish(event: RunEvent): void {
    this.#events.push(event);
    for (const entry of [...this.#listeners]) {
      // One that unsubscribed during this event gets no more of it.
      if (this.#listeners.has(entry)) deliver(entry.listener, event);
    }
  }

  /** Replays the events so far, then delivers each new one; returns the way to stop. */
  subscribe(listener: RunEventListener): () => void {
    // By index: an event published during the replay (a listener that stops the run) is replayed too.
    for (let i = 0; i < this.#events.length; i++) deliver(listener, this.#events[i]!);
    const entry = { listener };
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }
}

function deliver(listener: RunEventListener, event: RunEvent): void {
  try {
    listener(event);
  } catch (error) {
    // A listener's bug must not break the run, nor hide from the console.
    setTimeout(() => {
      throw error;
    });
  }
}
