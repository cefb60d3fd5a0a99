import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, type LaneMessageEvent } from '../../shared/protocol/index.ts';
import { MessageModel, kindLabel, messageChart, messageSummary } from './message-chart-model.ts';

const message = (from: string, to: string, sent: number, t: number, kind: LaneMessageEvent['kind'] = 'channel', via?: string): LaneMessageEvent => ({
  type: 'message',
  seq: 0,
  t,
  sent,
  from,
  to,
  kind,
  ...(via === undefined ? {} : { via }),
});

test('an arrow goes from the sender\'s row at the send time to the receiver\'s row at the receive time', () => {
  const chart = messageChart([message('worker-1', 'main', 10, 30, 'channel', 'jobs')], ['main', 'worker-1'], 100);
  assert.deepEqual(chart.lanes, ['main', 'worker-1']);
  assert.deepEqual(chart.arrows, [
    { from: 'worker-1', to: 'main', kind: 'channel', via: 'jobs', sentMs: 10, receivedMs: 30, fromRow: 1, toRow: 0, x1: 0.1, x2: 0.3 },
  ]);
  assert.equal(kindLabel(chart.arrows[0]!), 'channel jobs');
});

test('rows follow the timeline\'s lane order; a lane only messages name comes last; arrows in send order', () => {
  const chart = messageChart(
    [message('worker-2', 'main', 50, 60, 'postMessage'), message('main', 'worker-1', 5, 7, 'job'), message('worker-1', 'worker-3', 20, 25)],
    ['main', 'worker-1', 'worker-2'],
    100,
  );
  assert.deepEqual(chart.lanes, ['main', 'worker-1', 'worker-2', 'worker-3']);
  assert.deepEqual(chart.arrows.map((a) => [a.from, a.to, a.fromRow, a.toRow]), [
    ['main', 'worker-1', 0, 1],
    ['worker-1', 'worker-3', 1, 3],
    ['worker-2', 'main', 2, 0],
  ]);
  assert.equal(kindLabel(chart.arrows[0]!), 'job');
});

test('an arrow never points back in time, and stays within the span', () => {
  const [arrow] = messageChart([message('main', 'worker-1', 40.2, 40.1), message('main', 'worker-1', 90, 130)], ['main'], 100).arrows;
  assert.equal(arrow!.receivedMs, 40.2);
  assert.equal(arrow!.x2, arrow!.x1);
  const late = messageChart([message('main', 'worker-1', 90, 130)], ['main'], 100).arrows[0]!;
  assert.equal(late.x2, 1);
});

test('the model keeps at most LIMITS.messages arrows and counts the rest with what the runtime left out', () => {
  const model = new MessageModel();
  for (let i = 0; i < LIMITS.messages + 5; i++) model.add(message('worker-1', 'main', i, i + 1));
  model.add({ type: 'messages-dropped', count: 12_345 });
  const chart = model.chart(['main', 'worker-1'], 5_000);
  assert.equal(chart.arrows.length, LIMITS.messages);
  assert.equal(chart.more, 12_350);
  assert.equal(messageSummary(chart), '14,350 messages between lanes: the first 2,000 are drawn; 12,350 more are not.');
  model.clear();
  assert.equal(model.count, 0);
  assert.equal(model.chart([], 1).more, 0);
});

test('the summary counts the messages', () => {
  assert.equal(messageSummary(messageChart([message('a', 'b', 1, 2)], [], 10)), '1 message between lanes.');
  assert.equal(messageSummary(messageChart([message('a', 'b', 1, 2), message('b', 'a', 3, 4)], [], 10)), '2 messages between lanes.');
});
