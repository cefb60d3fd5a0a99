/**
 * A playground's runs: Run, Stop and Run ×N, the root's `data-state`, and the
 * read-outs (output, timing, timeline, history, histogram) fed from each
 * run's own event stream and totals. Each run ends with a
 * `playground-run-end` event on the root (detail: { evidence, origin }),
 * which an enclosing exercise uses to check the learner's code.
 */
import { POTENTIAL_DEADLOCK_PREFIX, type EndState, type RunEvent, type RunTotals } from '../../shared/protocol/index.ts';
import { workerStartupMs } from '../../shared/timing.ts';
import { lastResultLine, type RunEvidence } from '../../shared/exercise.ts';
import { runOutcomeName, type OutcomeDeclaration } from '../../shared/outcomes.ts';
import { getRunner, type RunHandle } from '../runner/index.ts';
import { OutputView } from '../views/output-view.ts';
import { TimingView, formatMs } from '../views/timing-view.ts';
import { TimelineModel } from '../views/timeline-model.ts';
import { TimelineView } from '../views/timeline-view.ts';
import { MessageModel } from '../views/message-chart-model.ts';
import type { MessageChartView } from '../views/message-chart-view.ts';
import { HistoryView } from '../views/history-view.ts';
import { OutcomeCounter } from '../views/histogram-model.ts';
import { HistogramView } from '../views/histogram-view.ts';
import { feedViews } from './run-bridge.ts';
import { announce, button, part } from './parts.ts';

type PlaygroundState = 'idle' | 'running' | EndState;

/** Who started a run: the learner, Run ×N, or an exercise's check. */
export type RunOrigin = 'user' | 'many' | 'check';

/** Output lines kept per run for an exercise's check (the runtime caps output too). */
const MAX_EVIDENCE_LINES = 5_000;

const NO_TOTALS: RunTotals = { wallMs: 0, activeMs: 0, workers: 0, utilization: 0 };

export class RunController {
  readonly #root: HTMLElement;
  readonly #code: () => string;
  /** What the snippet's outcomes mean (its `outcomes` prop), for Run ×N's table. */
  readonly #outcomes: OutcomeDeclaration | undefined;
  #run: RunHandle | undefined;
  /** The latest run's whole course, read-outs included: over once it settles. */
  #ending: Promise<unknown> = Promise.resolve();
  #manyTicket: { cancelled: boolean } | undefined;

  readonly #output: OutputView;
  readonly #timing: TimingView;
  readonly #timelineModel = new TimelineModel();
  readonly #timeline: TimelineView;
  readonly #messageModel = new MessageModel();
  /** The chart's view is a chunk of its own, fetched the first time a run sends a message: most snippets send none. */
  #messages: MessageChartView | undefined;
  #messagesLoading: Promise<void> | undefined;
  /** When the message chart was last drawn during a run (it is redrawn at most every 250 ms). */
  #messagesDrawnAt = 0;
  readonly #history: HistoryView;
  readonly #histogram: HistogramView;
  /** Shown when a run's output says it took locks in orders that can hang (lock-order.ts), with a way to Explore. */
  readonly #lockAdvice: HTMLElement;
  #lastTotals: RunTotals = NO_TOTALS;

  /** `code` gives the code to run at the moment a run starts. */
  constructor(root: HTMLElement, code: () => string, outcomes?: OutcomeDeclaration) {
    this.#root = root;
    this.#code = code;
    this.#outcomes = outcomes;
    this.#output = new OutputView(part(root, 'output'));
    this.#timing = new TimingView(root.querySelector<HTMLElement>('[aria-label="Timing"]')!);
    this.#timeline = new TimelineView(
      part(root, 'timeline'),
      part<HTMLTableSectionElement>(root, 'timeline-table'),
      part(root, 'timeline-note'),
    );
    this.#history = new HistoryView(part<HTMLTableSectionElement>(root, 'history'));
    this.#histogram = new HistogramView(part(root, 'histogram'));
    this.#lockAdvice = part(root, 'lock-advice');
    // "Find the hanging schedule" is Explore's own action (explore-controller.ts) on the same code.
    button(root, 'explore-this').addEventListener('click', () => button(root, 'explore').click());
  }

  /** Runs the current code once (stopping any run of this playground) and resolves with what it produced. */
  async run(origin: RunOrigin): Promise<RunEvidence> {
    this.stop();
    return (await this.#runOnce(origin)).evidence;
  }

  stop(): void {
    if (this.#manyTicket) this.#manyTicket.cancelled = true;
    this.#run?.stop();
  }

  /** Stops any run (and Run ×N) and resolves once its read-outs are final. */
  async stopAndSettle(): Promise<void> {
    this.stop();
    await this.#ending.catch(() => undefined);
  }

  async runMany(times: number): Promise<void> {
    this.stop();
    const ticket = { cancelled: false };
    this.#manyTicket = ticket;
    const counter = new OutcomeCounter();
    this.#histogram.render(counter, times, this.#outcomes);
    for (let i = 0; i < times && !ticket.cancelled; i++) {
      const { outcome } = await this.#runOnce('many');
      if (ticket.cancelled) break;
      counter.add(outcome);
      this.#histogram.render(counter, times, this.#outcomes);
    }
    if (this.#manyTicket === ticket) this.#manyTicket = undefined;
  }

  /** One run: what it produced, and its outcome as Run ×N names it (src/shared/outcomes.ts). */
  #runOnce(origin: RunOrigin): Promise<{ evidence: RunEvidence; outcome: string }> {
    const ending = this.#runAndShow(origin);
    this.#ending = ending;
    return ending;
  }

  async #runAndShow(origin: RunOrigin): Promise<{ evidence: RunEvidence; outcome: string }> {
    const lines: RunEvidence['lines'] = [];
    const taskEvents: RunEvent[] = [];
    part(this.#root, 'readouts').hidden = false;
    this.#output.clear();
    this.#lockAdvice.hidden = true;
    this.#timelineModel.clear();
    this.#timeline.clear();
    this.#messageModel.clear();
    this.#messages?.clear();
    this.#messagesDrawnAt = 0;
    this.#lastTotals = NO_TOTALS;
    this.#timing.update(this.#lastTotals);
    this.#setState('running');

    // Run ×N runs back to back: the next run's workers boot during this one.
    const code = this.#code();
    const run = getRunner().run(code, { prepareNextDuringRun: origin === 'many' });
    this.#run = run;
    const result = await feedViews(run, {
      output: (batch) => {
        this.#output.append(batch);
        for (const line of batch) {
          this.#timelineModel.print(line.t);
          if (lines.length < MAX_EVIDENCE_LINES) lines.push({ stream: line.stream, text: line.text });
          if (line.task === 'runtime' && line.stream === 'warn' && line.text.startsWith(POTENTIAL_DEADLOCK_PREFIX)) this.#lockAdvice.hidden = false;
        }
      },
      lane: (event) => {
        this.#timelineModel.add(event);
        if (event.type === 'task') taskEvents.push(event);
      },
      message: (event) => this.#messageModel.add(event),
      frame: (current) => {
        this.#lastTotals = current;
        this.#draw(false);
      },
    });
    const { state, totals } = result;
    const evidence: RunEvidence = { state, lines, ...totals, startupMs: workerStartupMs(taskEvents) };
    const last = lastResultLine(evidence);
    // A deadlock is named `(deadlock)`, as Explore names it, so one declared key labels both.
    const outcome = runOutcomeName(state, last, result.state === 'error' ? result.error.kind : undefined);
    if (state === 'done' && last !== undefined) this.#recordResult(code, last);
    if (this.#run !== run) return { evidence, outcome }; // a newer run took over this playground
    this.#run = undefined;
    this.#lastTotals = totals;
    this.#timelineModel.closeAll(totals.wallMs);
    this.#draw(true);
    this.#setState(state);
    this.#history.add({ ...totals, state });
    announce(
      this.#root,
      `Run ${state === 'done' ? 'finished' : `ended: ${state}`} after ${formatMs(totals.wallMs)}, utilisation ${totals.utilization.toFixed(2)}.`,
    );
    this.#root.dispatchEvent(new CustomEvent('playground-run-end', { bubbles: true, detail: { evidence, origin } }));
    return { evidence, outcome };
  }

  /** Last lines of the real runs that ended `done`, for the code they ran (Explore compares them with its outcomes). */
  readonly #results = new Map<string, Set<string>>();

  #recordResult(code: string, last: string): void {
    if (!this.#results.has(code)) {
      if (this.#results.size >= 4) this.#results.delete(this.#results.keys().next().value!);
      this.#results.set(code, new Set());
    }
    const seen = this.#results.get(code)!;
    if (seen.size < 1_000) seen.add(last);
  }

  /** What real runs of exactly `code` printed last, when they ended `done`. */
  resultsOf(code: string): ReadonlySet<string> {
    return this.#results.get(code) ?? new Set();
  }

  #setState(state: PlaygroundState): void {
    this.#root.dataset.state = state;
    button(this.#root, 'stop').disabled = state !== 'running';
  }

  #draw(final: boolean): void {
    this.#timing.update(this.#lastTotals);
    const lanes = this.#timelineModel.lanes;
    this.#timeline.render(lanes, this.#lastTotals.wallMs, final, this.#timelineModel.printed);
    const now = performance.now();
    if (final || now - this.#messagesDrawnAt >= 250) {
      this.#messagesDrawnAt = now;
      this.#drawMessages(final);
    }
  }

  #drawMessages(final: boolean): void {
    const chart = this.#messageModel.chart(this.#timelineModel.lanes.map((lane) => lane.name), this.#lastTotals.wallMs);
    if (this.#messages) {
      this.#messages.render(chart, final);
      return;
    }
    if (chart.arrows.length === 0 && chart.more === 0) return;
    this.#messagesLoading ??= import('../views/message-chart-view.ts').then(
      ({ MessageChartView }) => {
        const root = this.#root;
        this.#messages = new MessageChartView({
          root: part(root, 'messages'),
          figure: part(root, 'message-chart'),
          summary: part(root, 'message-summary'),
          legend: part(root, 'message-legend'),
          table: part<HTMLTableSectionElement>(root, 'message-table'),
          tableNote: part(root, 'message-note'),
        });
        // Draw what came meanwhile; a run still going draws again on its next frame.
        this.#drawMessages(this.#run === undefined);
      },
      () => {
        this.#messagesLoading = undefined; // offline and never cached: the next draw tries again
      },
    );
  }
}
