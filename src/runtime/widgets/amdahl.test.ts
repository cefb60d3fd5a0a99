import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amdahlSpeedup, fitSerialFraction } from './amdahl.ts';

test('Amdahl: no serial part scales perfectly, all serial never speeds up', () => {
  assert.equal(amdahlSpeedup(0, 8), 8);
  assert.equal(amdahlSpeedup(1, 8), 1);
  assert.ok(Math.abs(amdahlSpeedup(0.1, 10) - 1 / 0.19) < 1e-12);
});

test('the fit recovers the serial fraction from exact speed-ups', () => {
  const points = [1, 2, 3, 4, 6, 8].map((workers) => ({ workers, speedup: amdahlSpeedup(0.2, workers) }));
  assert.ok(Math.abs(fitSerialFraction(points)! - 0.2) < 1e-9);
});

test('the fit tolerates noise and clamps to [0, 1]', () => {
  const noisy = [
    { workers: 2, speedup: 1.7 },
    { workers: 4, speedup: 2.4 },
  ];
  const f = fitSerialFraction(noisy)!;
  assert.ok(f > 0.1 && f < 0.25, String(f));
  assert.equal(fitSerialFraction([{ workers: 2, speedup: 2.5 }]), 0); // faster than ideal: clamp
  assert.equal(fitSerialFraction([{ workers: 1, speedup: 1 }]), undefined);
});
