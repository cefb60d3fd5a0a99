import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replay } from '../runtime/explorer/explore.ts';
import { allScheduleLinks, FAILING_STATES, findScheduleLinks, followSchedule, readSnippet } from './schedule-links.ts';

/**
 * Every `<ScheduleLink>` of the course, replayed with the real explorer: the
 * schedule still fits its snippet, runs to the end (so Next reaches it), and
 * ends as the link's `shows` says — a failing state, or a last line.
 */
const links = allScheduleLinks();

/**
 * What each passage tells the learner the buttons will show, by step of the
 * linked schedule (the passage's own moves): if a snippet's lines move, or the
 * explorer words an operation differently, the passage must change too.
 */
const passageSays: Record<string, { steps: Record<number, string>; offered?: Record<number, string>; reason?: string }> = {
  'content/04-races/01-lost-updates/index.mdx': {
    steps: {
      14: 'worker-1 · line 21 · Atomics.load(shared[0]) → 0',
      15: 'worker-2 · line 21 · Atomics.load(shared[0]) → 0',
      16: 'worker-2 · line 23 · Atomics.store(shared[0], 1) → 1',
      17: 'worker-1 · line 23 · Atomics.store(shared[0], 1) → 1',
    },
    // "Its button now shows line 23, Atomics.store(shared[0], 1)".
    offered: { 15: 'worker-1 · line 23 · Atomics.store(shared[0], 1)' },
  },
  'content/05-locks/01-locks-and-atomics/index.mdx': {
    steps: {
      14: 'worker-1 · line 31 · Atomics.sub(accounts[2], 6) → 1000',
      15: 'worker-2 · line 54 · Atomics.load(control[1]) → 0',
      16: 'worker-2 · line 56 · Atomics.load(accounts[0]) → 1000',
      17: 'worker-2 · line 56 · Atomics.load(accounts[1]) → 1000',
      18: 'worker-2 · line 56 · Atomics.load(accounts[2]) → 994',
      19: 'worker-2 · line 56 · Atomics.load(accounts[3]) → 1000',
      20: 'worker-1 · line 33 · Atomics.add(accounts[0], 6) → 1000',
    },
  },
  'content/05-locks/02-data-races-and-the-memory-model/index.mdx': {
    steps: {
      5: 'worker-1 · line 8 · Atomics.load(seats[0]) → 1',
      7: 'worker-2 · line 8 · Atomics.load(seats[0]) → 1',
      8: 'worker-1 · line 9 · Atomics.sub(seats[0], 1) → 1',
      9: 'worker-2 · line 9 · Atomics.sub(seats[0], 1) → 0',
    },
  },
  'content/06-deadlock/01-deadlock/index.mdx': {
    steps: {
      4: 'worker-1 · line 11 · lock mutex A',
      6: 'worker-2 · line 11 · lock mutex B',
    },
    reason: 'worker-1 waits at line 18 for mutex B, held by worker-2; worker-2 waits at line 18 for mutex A, held by worker-1.',
  },
  'content/07-ipc/02-cancellation-and-timeouts/index.mdx': {
    steps: {
      1: 'main · line 14 · spawn slowAnswer as worker-1',
      2: 'worker-1 · line 14 · starts slowAnswer',
      3: 'main · line 11 · timer set at line 11',
    },
    // "Main now has two buttons … join worker-1: it ended (line 15) and … timer set at line 11".
    offered: { 3: 'main · line 15 · join worker-1: it ended' },
  },
  'content/05-locks/03-waiting-for-a-condition/index.mdx': {
    steps: {
      1: 'main · line 18 · spawn resident as worker-1',
      3: 'worker-1 · line 9 · Atomics.load(parcel[0]) → 0',
      7: 'main · line 20 · Atomics.store(parcel[0], 1) → 1',
      8: 'main · line 21 · Atomics.notify(bell[0]) → 0',
      12: 'worker-1 · line 13 · Atomics.wait(bell[0], 0)',
    },
    reason: 'main waits at line 24 for worker-1 to end; worker-1 waits at line 13 for Atomics.notify on bell[0].',
  },
  'content/05-locks/04-synchronisation-puzzles/index.mdx': {
    steps: {
      5: 'main · line 30 · write slots[0] ← 1',
      9: 'main · line 33 · release semaphore items',
      12: 'main · line 30 · write slots[0] ← 2',
      21: 'worker-1 · line 16 · read slots[0] → 2',
    },
  },
};

test('the race and deadlock lessons link schedules that show their failures', () => {
  const lessons = new Set(links.map((link) => link.lesson.split('/').slice(0, 3).join('/')));
  for (const lesson of ['content/04-races/01-lost-updates', 'content/05-locks/01-locks-and-atomics', 'content/06-deadlock/01-deadlock']) {
    assert.ok(lessons.has(lesson), `${lesson} has a <ScheduleLink>`);
  }
});

for (const link of links) {
  test(`${link.lesson}:${link.line}: ${link.schedule} on ${link.snippet} shows "${link.shows}"`, () => {
    const code = readSnippet(link);
    const report = replay(code, link.schedule);
    assert.equal(report.unsupported, undefined, `the schedule fits the snippet: ${report.unsupported?.message ?? ''}`);
    assert.equal(report.outcomes.length, 1);
    const outcome = report.outcomes[0]!;
    if ((FAILING_STATES as readonly string[]).includes(link.shows)) {
      assert.equal(outcome.state, link.shows, `ends in ${link.shows} (${outcome.reason ?? 'no reason given'})`);
    } else {
      assert.equal(outcome.state, 'done', `ends done (${outcome.reason ?? ''})`);
      assert.equal(outcome.lastLine, link.shows, 'prints the last line the passage promises');
    }
    const followed = followSchedule(code, link.schedule);
    assert.equal(followed.shortOfEnd, false, 'the schedule runs to the end of the execution, so Next reaches it');

    const says = passageSays[link.lesson];
    assert.ok(says, `passageSays lists what the passage of ${link.lesson} claims`);
    const told = (step: { lane: string; line: number; op: string }) => `${step.lane} · line ${step.line} · ${step.op}`;
    for (const [step, text] of Object.entries(says.steps)) {
      assert.equal(told(followed.steps[Number(step) - 1]!.taken), text, `step ${step}`);
    }
    for (const [step, text] of Object.entries(says.offered ?? {})) {
      assert.ok(followed.steps[Number(step) - 1]!.buttons.map(told).includes(text), `a button before step ${step} reads ${text}`);
    }
    if (says.reason) assert.ok(outcome.reason?.includes(says.reason), `the end names the cycle: ${outcome.reason ?? ''}`);
  });
}

test('a schedule that does not fit its snippet is reported, not replayed', () => {
  const link = links[0]!;
  // Every snippet starts on main: a schedule whose first step is worker-1's cannot fit.
  const report = replay(readSnippet(link), link.schedule.replace(/^(1\.s\d+\.)a/, '$1b'));
  assert.notEqual(report.unsupported, undefined);
});

test('the MDX reader finds each link, its snippet and its claim', () => {
  const mdx = [
    "import racy from './_snippets/racy.ts?raw';",
    '',
    'Text <ScheduleLink code={racy} schedule="1.s1.a2b" shows="deadlock">open it</ScheduleLink>.',
    '<ScheduleLink',
    '  code={ racy }',
    '  schedule="1.s1.c"',
    '  shows="count = 3"',
    '>again</ScheduleLink>',
  ].join('\n');
  const found = findScheduleLinks(mdx, '/repo/content/01-part/01-lesson/index.mdx');
  assert.deepEqual(
    found.map(({ line, codeVariable, schedule, shows }) => ({ line, codeVariable, schedule, shows })),
    [
      { line: 3, codeVariable: 'racy', schedule: '1.s1.a2b', shows: 'deadlock' },
      { line: 4, codeVariable: 'racy', schedule: '1.s1.c', shows: 'count = 3' },
    ],
  );
  assert.ok(found[0]!.snippet.endsWith('content/01-part/01-lesson/_snippets/racy.ts'));
  assert.throws(() => findScheduleLinks('<ScheduleLink code={missing} schedule="1.s1.a" shows="x">', '/repo/a.mdx'), /not a \?raw import/);
});
