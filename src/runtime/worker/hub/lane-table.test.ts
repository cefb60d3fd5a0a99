import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StateRecord } from '../../../shared/protocol/index.ts';
import { LaneTable } from './lane-table.ts';

const waiting = (waits: StateRecord['waits'], t = 1): StateRecord => ({ k: 'state', t, state: 'waiting', waits, holds: [], wakeable: false });
const idle = (t = 1): StateRecord => ({ k: 'state', t, state: 'idle', waits: [], holds: [], wakeable: false });

test('a task goes booting → running → function-done → ended; main is running throughout', () => {
  const table = new LaneTable();
  assert.equal(table.main.phase, 'running');
  const task = table.addTask(1, 'worker-1', 0);
  assert.equal(task.phase, 'booting');
  assert.equal(table.isFunctionRunning(task), true);
  table.phaseRecord(task, 'started');
  assert.equal(task.phase, 'running');
  table.phaseRecord(task, 'finished');
  assert.equal(task.phase, 'function-done');
  assert.equal(table.isFunctionRunning(task), false);
  table.taskEnded(task, false);
  assert.equal(task.phase, 'function-done');
  assert.equal(table.end(task), true);
  assert.equal(task.phase, 'ended');
  assert.equal(table.end(task), false, 'a worker is ended once');
  table.phaseRecord(task, 'failed');
  table.taskEnded(task, true);
  assert.equal(task.phase, 'ended', 'nothing brings an ended lane back');
});

test('a task that keeps listening after its function settles is listening', () => {
  const table = new LaneTable();
  const task = table.addTask(1, 'worker-1', 0);
  table.phaseRecord(task, 'started');
  table.taskEnded(task, true);
  assert.equal(task.phase, 'listening');
  table.phaseRecord(task, 'finished');
  assert.equal(task.phase, 'listening');
});

test('the run is done once main is quiet and no task function runs', () => {
  const table = new LaneTable();
  assert.equal(table.isRunDone(), false, 'main not quiet yet');
  table.setMainQuiet(true);
  assert.equal(table.isRunDone(), true);
  const booting = table.addTask(1, 'worker-1', 0);
  assert.equal(table.isRunDone(), false, 'a booting task keeps the run alive');
  table.phaseRecord(booting, 'started');
  assert.equal(table.isRunDone(), false, 'so does a running one');
  table.phaseRecord(booting, 'failed');
  assert.equal(table.isRunDone(), true);
  table.setMainQuiet(false);
  assert.equal(table.isRunDone(), false);
});

test('idle pool workers and finished tasks that only listen do not keep a run alive', () => {
  const table = new LaneTable();
  table.setMainQuiet(true);
  const poolWorker = table.addTask(1, 'worker-1', 7);
  table.phaseRecord(poolWorker, 'started');
  poolWorker.last = idle();
  const listener = table.addTask(2, 'worker-2', 0);
  table.phaseRecord(listener, 'started');
  table.taskEnded(listener, true);
  assert.equal(table.isRunDone(), true);
  assert.equal(table.lingering(), 0);
});

test('a task terminated before its function settled is ended and no longer counts', () => {
  const table = new LaneTable();
  table.setMainQuiet(true);
  const task = table.addTask(1, 'worker-1', 0);
  table.phaseRecord(task, 'started');
  assert.equal(table.isRunDone(), false);
  table.end(task);
  assert.equal(table.isRunDone(), true);
  assert.equal(table.deadlockLanes().liveTasks.size, 0);
});

test('a failed task nobody joined turns done into error; a joined one does not', () => {
  const table = new LaneTable();
  assert.deepEqual(table.outcome('done'), { state: 'done', error: undefined, notices: [] });
  const error = { kind: 'uncaught' as const, message: 'Uncaught Error: boom (in worker-1)' };
  table.failureUnjoined(1, { text: 'worker-1 failed: boom', error });
  assert.deepEqual(table.outcome('done'), { state: 'error', error, notices: ['worker-1 failed: boom'] });
  const deadlock = { kind: 'deadlock' as const, message: 'Deadlock' };
  assert.deepEqual(table.outcome('error', deadlock), { state: 'error', error: deadlock, notices: [] }, 'an error end keeps its own error');
  table.failureJoined(1);
  assert.deepEqual(table.outcome('done'), { state: 'done', error: undefined, notices: [] });
});

test('lingering counts live lanes still busy or blocked', () => {
  const table = new LaneTable();
  table.main.last = waiting([{ kind: 'atomics' }]);
  const running = table.addTask(1, 'worker-1', 0);
  running.last = { k: 'state', t: 1, state: 'running', waits: [], holds: [], wakeable: false };
  const done = table.addTask(2, 'worker-2', 0);
  done.last = waiting([{ kind: 'recv', ref: 3 }]);
  table.taskEnded(done, true); // listening: not counted
  const poolWorker = table.addTask(3, 'worker-3', 5);
  poolWorker.last = waiting([{ kind: 'mutex', ref: 1 }]);
  table.taskEnded(poolWorker, true); // pool workers count while blocked
  const ended = table.addTask(4, 'worker-4', 0);
  ended.last = waiting([{ kind: 'mutex', ref: 1 }]);
  table.end(ended);
  assert.equal(table.lingering(), 3);
});

test('the deadlock snapshot holds live lanes, live tasks and pools', () => {
  const table = new LaneTable();
  table.main.last = waiting([{ kind: 'join', ref: 1 }]);
  const task = table.addTask(1, 'worker-1', 0);
  task.last = waiting([{ kind: 'mutex', ref: 9 }]);
  const idlePool = table.addTask(2, 'worker-2', 4);
  idlePool.last = idle();
  const fresh = table.addTask(3, 'worker-3', 0);
  const listener = table.addTask(5, 'worker-5', 0);
  table.taskEnded(listener, true);
  const snapshot = table.deadlockLanes();
  assert.deepEqual(
    snapshot.lanes.map((lane) => [lane.name, lane.state, lane.wakeable]),
    [
      ['main', 'waiting', false],
      ['worker-1', 'waiting', false],
      ['worker-3', 'running', true], // no state yet: counted as running
    ],
  );
  assert.deepEqual([...snapshot.liveTasks], [1, 2, 3]);
  assert.deepEqual([...snapshot.pools], [[4, [2]]]);
  assert.ok(fresh);
  table.setMainQuiet(true);
  assert.deepEqual(
    table.deadlockLanes().lanes.map((lane) => lane.name),
    ['worker-1', 'worker-3'],
    'a quiet main is not live',
  );
});

test('state changes become state events of the lane, short segments merged, in one place', () => {
  const table = new LaneTable();
  const task = table.addTask(1, 'worker-1', 0);
  assert.deepEqual(table.state(task, { t: 0, state: 'running' }), []);
  assert.deepEqual(table.state(task, { t: 10, state: 'waiting', on: 'mutex A' }), [
    { type: 'state', t: 0, task: 'worker-1', state: 'running' },
  ]);
  assert.deepEqual(table.state(task, { t: 10.2, state: 'running', on: undefined }), []);
  assert.deepEqual(table.flush(20), [], 'the 0.2 ms wait is folded into the running segment');
  table.state(table.main, { t: 30, state: 'sleeping', on: 'sleep' });
  table.state(task, { t: 30, state: 'idle' });
  assert.deepEqual(table.flush(30, true), [
    { type: 'state', t: 30, task: 'main', state: 'sleeping', on: 'sleep' },
    { type: 'state', t: 30, task: 'worker-1', state: 'idle' },
  ]);
});
