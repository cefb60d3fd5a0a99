import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declarationProblems, labelOf, outcomeName, runOutcomeName, unseenOutcomes, type OutcomeDeclaration } from './outcomes.ts';

const lostUpdate: OutcomeDeclaration = {
  'count = 400000': { label: 'expected', text: 'every increment counted', exploring: 'count = 4' },
  '*': { label: 'forbidden', text: 'increments were lost' },
};

test('an exact last line takes its own meaning, anything else the catch-all', () => {
  assert.equal(labelOf(lostUpdate, 'count = 400000', 'run')?.label, 'expected');
  assert.deepEqual(labelOf(lostUpdate, 'count = 239011', 'run'), { key: '*', label: 'forbidden', text: 'increments were lost' });
  // The catch-all covers end states too.
  assert.equal(labelOf(lostUpdate, '(error)', 'run')?.key, '*');
});

test('Explore matches the small version\'s line, and only it', () => {
  assert.equal(labelOf(lostUpdate, 'count = 4', 'explore')?.label, 'expected');
  assert.equal(labelOf(lostUpdate, 'count = 3', 'explore')?.label, 'forbidden');
  // The real run's line is not what the small version prints.
  assert.equal(labelOf(lostUpdate, 'count = 400000', 'explore')?.label, 'forbidden');
  assert.equal(labelOf(lostUpdate, 'count = 4', 'run')?.label, 'forbidden');
  // Without `exploring`, the key is matched in both.
  const plain: OutcomeDeclaration = { 'sold 5 tickets for 5 seats': { label: 'expected', text: 'each seat sold once' } };
  assert.equal(labelOf(plain, 'sold 5 tickets for 5 seats', 'explore')?.label, 'expected');
});

test('no declaration, or no key that covers it: no label', () => {
  assert.equal(labelOf(undefined, 'count = 1', 'run'), undefined);
  assert.equal(labelOf({ 'ok': { label: 'expected', text: 'fine' } }, 'not ok', 'run'), undefined);
});

test('outcomes are named by last line when done, else by end state; a real deadlock is (deadlock) as in Explore', () => {
  assert.equal(outcomeName('done', 'count = 3'), 'count = 3');
  assert.equal(outcomeName('done', ''), '(no output)');
  assert.equal(outcomeName('done', undefined), '(no output)');
  assert.equal(outcomeName('deadlock', 'A→B: wants mutex B'), '(deadlock)');
  assert.equal(runOutcomeName('error', 'x', 'deadlock'), '(deadlock)');
  assert.equal(runOutcomeName('error', 'x', 'uncaught'), '(error)');
  assert.equal(runOutcomeName('timeout', 'x'), '(timeout)');
  const deadlockDemo: OutcomeDeclaration = { '(deadlock)': { label: 'forbidden', text: 'each holds what the other needs' } };
  assert.equal(labelOf(deadlockDemo, runOutcomeName('error', undefined, 'deadlock'), 'run')?.label, 'forbidden');
  assert.equal(labelOf(deadlockDemo, outcomeName('deadlock', 'B→A: wants mutex A'), 'explore')?.label, 'forbidden');
});

test('declared outcomes never seen are rows of their own, named as the source prints them', () => {
  const declaration: OutcomeDeclaration = {
    ...lostUpdate,
    '(timeout)': { label: 'forbidden', text: 'hung' },
    '(no-progress)': { label: 'interesting', text: 'livelock' },
  };
  assert.deepEqual(
    unseenOutcomes(declaration, ['count = 2', 'count = 3'], 'run').map((r) => r.name),
    ['count = 400000', '(timeout)'],
  );
  // Explore names the small version's line, has no timeouts, and can make no progress.
  assert.deepEqual(
    unseenOutcomes(declaration, ['count = 4'], 'explore').map((r) => r.name),
    ['any other outcome', '(no-progress)'],
  );
  assert.deepEqual(unseenOutcomes(undefined, [], 'run'), []);
});

test('a declaration with a typo in a label, an empty text or an unknown state is refused, in words', () => {
  assert.deepEqual(declarationProblems(lostUpdate), []);
  assert.deepEqual(declarationProblems({ '(deadlock)': { label: 'interesting', text: 'the point of the demo' } }), []);
  const [label] = declarationProblems({ '*': { label: 'forbiden', text: 'lost' } });
  assert.match(label!, /outcome "\*": label "forbiden" is not one of expected, acceptable, interesting, forbidden/);
  assert.match(declarationProblems({ '*': { label: 'forbidden', text: ' ' } })[0]!, /text must say what the outcome means/);
  assert.match(declarationProblems({ '(deadlocked)': { label: 'forbidden', text: 'x' } })[0]!, /no such end state/);
  assert.match(declarationProblems({ '*': { label: 'forbidden', text: 'x', exploring: 'y' } })[0]!, /only a last line/);
  assert.match(declarationProblems({ 'a': { label: 'expected', text: 'x', txet: 'y' } })[0]!, /unknown field "txet"/);
  assert.match(declarationProblems({})[0]!, /no outcome/);
  assert.match(declarationProblems([])[0]!, /must be an object/);
});
