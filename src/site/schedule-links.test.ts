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
