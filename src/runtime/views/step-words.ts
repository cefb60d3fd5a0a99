/**
 * Step mode's words (design/explorer.md §3): the sentence announced after a
 * step, a scheduler button's name and text, and how an execution ended. Pure
 * formatting of the engine's own op texts (`read shared[0] → 3`,
 * `write shared[0] ← 42`, `lock mutex A` …); an op it does not know is said
 * as it is, after the lane's name, rather than guessed at.
 */
import type { ExploreStepStory, StepChoiceView, StepView } from '../../shared/protocol/explore.ts';
import { stateWords, stepWords } from './exploration-text.ts';

/** `read <cell> → <value>` and `write <cell> ← <value>`: the two ops a lost update is made of. */
const READ = /^read (\S+) → (.+)$/;
const WRITE = /^write (\S+) ← (.+)$/;

/** An op's first word → its past tense, for ops that read well as "<lane> <verb> <rest>". */
const PAST: Record<string, string> = {
  lock: 'locked',
  unlock: 'unlocked',
  tryLock: 'tried to lock',
  acquire: 'acquired',
  release: 'released',
  send: 'sent',
  recv: 'received',
  close: 'closed',
  spawn: 'spawned',
  join: 'joined',
  terminate: 'terminated',
  submit: 'submitted',
  map: 'mapped',
  gets: 'gets',
  starts: 'starts',
};

/**
 * What a step did, as a sentence to announce: "worker-2 wrote 42 to
 * shared[0]", "worker-1 read 3 from shared[0]", "main locked mutex A", and
 * "<lane>: <op>" for anything else.
 */
export function stepSentence(step: Pick<ExploreStepStory, 'lane' | 'op'>): string {
  const { lane, op } = step;
  const write = WRITE.exec(op);
  if (write) return `${lane} wrote ${write[2]} to ${write[1]}`;
  const read = READ.exec(op);
  if (read) return `${lane} read ${read[2]} from ${read[1]}`;
  const space = op.indexOf(' ');
  const verb = space > 0 ? PAST[op.slice(0, space)] : undefined;
  if (verb) return `${lane} ${verb} ${op.slice(space + 1)}`;
  return `${lane}: ${op}`;
}

/** A scheduler button's accessible name (the contract's): `Step <lane>`, or `Step <lane>: <event>` for a ready event. */
export function choiceName(choice: Pick<StepChoiceView, 'lane' | 'op' | 'isEvent'>): string {
  return choice.isEvent ? `Step ${choice.lane}: ${choice.op}` : `Step ${choice.lane}`;
}

/** A scheduler button's visible text: "worker-1 · line 22 · write shared[0] ← 42". */
export function choiceText(choice: Pick<StepChoiceView, 'lane' | 'line' | 'op'>): string {
  // The same words as a step already taken (Explore's failure story, the step timeline): one format for both.
  return stepWords(choice);
}

/** How an execution ended, in plain words: "Finished: count = 1", "Deadlock: main waits for …". */
export function endedSentence(ended: NonNullable<StepView['ended']>): string {
  const reason = ended.reason?.trim();
  if (ended.state === 'done') return ended.lastLine ? `Finished: ${ended.lastLine}` : 'Finished, with no output.';
  const what = stateWords(ended.state);
  const heading = ended.state === 'assert' ? `A ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
  const detail = reason && reason.toLowerCase() !== what ? reason : ended.lastLine;
  if (!detail) return `${heading}.`;
  // The engine's reason may name the state itself ("Deadlock: main waits …"): said once.
  return detail.toLowerCase().startsWith(heading.toLowerCase()) ? detail : `${heading}: ${detail}`;
}

/** "Step 3 of 8" while a loaded schedule has more, else "Step 3". */
export function stepCount(view: Pick<StepView, 'step' | 'scheduleLength'>): string {
  return view.step < view.scheduleLength ? `Step ${view.step} of ${view.scheduleLength}` : `Step ${view.step}`;
}
