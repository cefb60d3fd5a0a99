import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpinWatch } from './spin-watch.ts';
import { SPIN_BOARD } from '../spin-site.ts';
import { cellName } from '../spin-site.ts';

/** A watch over one lane's board, a hand-driven clock and a way to beat. */
function setup() {
  let now = 0;
  const watch = new SpinWatch(() => now);
  const cells = new Int32Array(new SharedArrayBuffer(SPIN_BOARD.bytes));
  watch.attach(2, cells.buffer);
  const lane = { name: 'worker-2', running: true };
  return {
    watch,
    lane,
    cells,
    /** Advances the clock by `ms` in 100 ms steps, beating if `beating`, and returns what was said. */
    run(ms: number, beating = true): string[] {
      const said: string[] = [];
      for (let t = 0; t < ms; t += 100) {
        now += 100;
        if (beating) cells[SPIN_BOARD.beat]! += 1;
        said.push(...watch.poll((id) => (id === 2 ? lane : undefined)));
      }
      return said;
    },
  };
}

test('a lane that keeps reading one value for 3 s with nothing else happening is said once, with line and cell', () => {
  const s = setup();
  s.run(500);
  s.cells[SPIN_BOARD.streak] = 1;
  s.watch.site(2, { streak: 1, cell: 'flag[1]', line: 14 });
  assert.deepEqual(s.run(2_800), []);
  assert.deepEqual(s.run(400), ['worker-2 has been spinning at line 14 for 3 s, waiting for flag[1] to change.']);
  assert.deepEqual(s.run(5_000), []);
});

test('output or a state change elsewhere restarts the count; a new streak can be said again', () => {
  const s = setup();
  s.cells[SPIN_BOARD.streak] = 1;
  s.run(2_500);
  s.watch.progress();
  assert.deepEqual(s.run(2_800), []);
  assert.equal(s.run(400).length, 1);
  s.cells[SPIN_BOARD.streak] = 2;
  assert.equal(s.run(3_400).length, 1);
});

test('quiet when the board stops beating (the lane computes), when no streak is on, or when the lane is not running', () => {
  const s = setup();
  s.cells[SPIN_BOARD.streak] = 1;
  assert.deepEqual(s.run(6_000, false), []);
  const t = setup();
  assert.deepEqual(t.run(6_000), []);
  const u = setup();
  u.cells[SPIN_BOARD.streak] = 1;
  u.lane.running = false;
  assert.deepEqual(u.run(6_000), []);
});

test('the cell is named from the call on the line, or "a shared array"', () => {
  assert.equal(cellName('  while (Atomics.load(flag, 1) === 0) {}', 'load', 1), 'flag[1]');
  assert.equal(cellName('while (Atomics.compareExchange(locks[k], 0, 0, 1) !== 0);', 'compareExchange', 0), 'locks[k][0]');
  assert.equal(cellName('while (A.load(flag, 1) === 0) {}', 'load', 1), 'a shared array');
});
