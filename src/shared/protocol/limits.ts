/** The limits of a run, shared by the page and the run's workers (README: "Limits"). */
export const LIMITS = {
  /** Default time limit of a run. */
  defaultTimeLimitMs: 10_000,
  minTimeLimitMs: 100,
  maxTimeLimitMs: 600_000,
  /** Live task and pool workers in one run. */
  maxLiveWorkers: 64,
  /** Task workers a run keeps started ahead of need: the run's core count, at most this. */
  maxWarmTasks: 16,
  /** Console lines kept per run; later ones are counted and dropped. */
  outputLines: 2_000,
  /** Messages between lanes recorded per run (the message chart's arrows); later ones are only counted. */
  messages: 2_000,
  /** Characters kept of one console line. */
  lineChars: 10_000,
  /** The page declares a run dead after this long without a report. */
  silenceMs: 2_500,
  aliveIntervalMs: 250,
} as const;
