/**
 * The message chart's data: every message between lanes as an arrow from the
 * sender's row at the send time to the receiver's row at the receive time, on
 * the timeline's time scale and in its lane order. Kept apart from the DOM so
 * the arrows, the rows and the cap are tested without a browser, and so the
 * chart and its table read the same data.
 */
import { LIMITS, type LaneMessageEvent, type MessageKind } from '../../shared/protocol/index.ts';

export interface Arrow {
  from: string;
  to: string;
  kind: MessageKind;
  via: string | undefined;
  sentMs: number;
  receivedMs: number;
  /** Rows in `MessageChart.lanes`. */
  fromRow: number;
  toRow: number;
  /** Positions on the time axis, 0 … 1 of the run's span. */
  x1: number;
  x2: number;
}

export interface MessageChart {
  /** The rows, top to bottom: the timeline's lanes, then any lane seen only in messages. */
  lanes: string[];
  /** In send order. */
  arrows: Arrow[];
  /** Messages the run sent past the ones recorded (the runtime's cap, LIMITS.messages). */
  more: number;
}

export class MessageModel {
  #messages: LaneMessageEvent[] = [];
  #dropped = 0;

  get count(): number {
    return this.#messages.length;
  }

  clear(): void {
    this.#messages = [];
    this.#dropped = 0;
  }

  /** One `message` event, or the run's closing count of those it did not record. */
  add(event: LaneMessageEvent | { type: 'messages-dropped'; count: number }): void {
    if (event.type === 'messages-dropped') this.#dropped += event.count;
    // The runtime caps them already; the page holds no more than that whatever it is sent.
    else if (this.#messages.length < LIMITS.messages) this.#messages.push(event);
    else this.#dropped++;
  }

  /** The chart for a run whose timeline shows `laneOrder` over `spanMs`. */
  chart(laneOrder: readonly string[], spanMs: number): MessageChart {
    return messageChart(this.#messages, laneOrder, spanMs, this.#dropped);
  }
}

export function messageChart(
  messages: readonly LaneMessageEvent[],
  laneOrder: readonly string[],
  spanMs: number,
  more = 0,
): MessageChart {
  const lanes = [...laneOrder];
  const row = (name: string): number => {
    const at = lanes.indexOf(name);
    if (at >= 0) return at;
    lanes.push(name);
    return lanes.length - 1;
  };
  const span = Math.max(spanMs, 1);
  const fraction = (ms: number) => Math.min(1, Math.max(0, ms / span));
  const arrows = [...messages]
    .sort((a, b) => a.sent - b.sent || a.t - b.t)
    .map((m): Arrow => ({
      from: m.from,
      to: m.to,
      kind: m.kind,
      via: m.via,
      sentMs: m.sent,
      // Lanes' clocks agree to a fraction of a millisecond; an arrow never points back in time.
      receivedMs: Math.max(m.t, m.sent),
      fromRow: row(m.from),
      toRow: row(m.to),
      x1: fraction(m.sent),
      x2: fraction(Math.max(m.t, m.sent)),
    }));
  return { lanes, arrows, more };
}

/** What the chart says in words under it, and the count its accessible description gives. */
export function messageSummary(chart: MessageChart): string {
  const shown = chart.arrows.length;
  const noun = (n: number) => `${n.toLocaleString('en-US')} message${n === 1 ? '' : 's'}`;
  if (chart.more === 0) return `${noun(shown)} between lanes.`;
  return `${noun(shown + chart.more)} between lanes: the first ${shown.toLocaleString('en-US')} are drawn; ${chart.more.toLocaleString('en-US')} more are not.`;
}

/** How the table and tooltips name a message's way: `channel jobs`, `postMessage`. */
export function kindLabel(arrow: Pick<Arrow, 'kind' | 'via'>): string {
  return arrow.via === undefined ? arrow.kind : `${arrow.kind} ${arrow.via}`;
}
