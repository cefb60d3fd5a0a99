import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCourse, lessonHref, neighbours } from './navigation.ts';
import { parseLessonPath, parseOrderedName, parsePartPath } from './course-path.ts';

const parts = [
  { id: '02-threads', title: 'Threads', summary: 's' },
  { id: '01-foundations', title: 'Foundations', summary: 's' },
];
const lesson = (id: string, order?: number) => ({ id, title: id, summary: 's', minutes: 5, order });

test('parts and lessons are ordered by their folder prefixes, not by input order', () => {
  const course = buildCourse(parts, [
    lesson('02-threads/01-workers'),
    lesson('01-foundations/10-measuring'),
    lesson('01-foundations/02-cores'),
  ]);
  assert.deepEqual(
    course.parts.map((p) => p.id),
    ['01-foundations', '02-threads'],
  );
  assert.deepEqual(
    course.lessons.map((l) => l.id),
    ['01-foundations/02-cores', '01-foundations/10-measuring', '02-threads/01-workers'],
  );
});

test('an explicit order in front matter overrides the prefix', () => {
  const course = buildCourse(parts, [lesson('01-foundations/01-a', 3), lesson('01-foundations/02-b')]);
  assert.deepEqual(
    course.lessons.map((l) => l.id),
    ['01-foundations/02-b', '01-foundations/01-a'],
  );
});

test('URLs drop the order prefixes so reordering keeps links stable', () => {
  assert.equal(lessonHref('03-races/02-lost-updates'), '/learn/races/lost-updates/');
});

test('previous and next cross part boundaries', () => {
  const course = buildCourse(parts, [lesson('01-foundations/01-a'), lesson('02-threads/01-b')]);
  const first = neighbours(course, '01-foundations/01-a');
  assert.equal(first.previous, undefined);
  assert.equal(first.next?.id, '02-threads/01-b');
  const last = neighbours(course, '02-threads/01-b');
  assert.equal(last.previous?.id, '01-foundations/01-a');
  assert.equal(last.next, undefined);
});

test('a lesson in a folder without part.json is a clear error', () => {
  assert.throws(() => buildCourse(parts, [lesson('09-nowhere/01-a')]), /no part\.json/);
});

test('two lessons that would share a URL are refused', () => {
  assert.throws(
    () => buildCourse(parts, [lesson('01-foundations/01-same'), lesson('01-foundations/02-same')]),
    /share the URL/,
  );
});

test('folder names must carry an NN- prefix', () => {
  assert.deepEqual(parseOrderedName('07-deadlock'), { order: 7, slug: 'deadlock' });
  assert.throws(() => parseOrderedName('deadlock'), /NN-lowercase-words/);
  assert.throws(() => parseOrderedName('07-Deadlock'), /NN-lowercase-words/);
});

test('content paths are validated with a message that says where files belong', () => {
  assert.deepEqual(parseLessonPath('01-foundations/02-cores/index.mdx'), {
    partId: '01-foundations',
    lessonId: '01-foundations/02-cores',
  });
  assert.equal(parsePartPath('01-foundations/part.json'), '01-foundations');
  assert.throws(() => parseLessonPath('01-foundations/cores.mdx'), /content\/NN-part\/NN-lesson\/index\.mdx/);
});
