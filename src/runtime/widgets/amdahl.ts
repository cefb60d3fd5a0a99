/**
 * Amdahl's law: with a serial fraction f, N workers can speed a job up by at
 * most S(N) = 1 / (f + (1 − f) / N), and never by more than 1 / f.
 */
export function amdahlSpeedup(serialFraction: number, workers: number): number {
  return 1 / (serialFraction + (1 - serialFraction) / workers);
}

/**
 * The serial fraction that best explains measured speed-ups, by least squares
 * on 1/S − 1/N = f · (1 − 1/N) (a line through the origin). Points with N = 1
 * carry no information and are skipped. Clamped to [0, 1].
 */
export function fitSerialFraction(points: readonly { workers: number; speedup: number }[]): number | undefined {
  let xy = 0;
  let xx = 0;
  for (const { workers, speedup } of points) {
    if (workers <= 1 || !(speedup > 0)) continue;
    const x = 1 - 1 / workers;
    const y = 1 / speedup - 1 / workers;
    xy += x * y;
    xx += x * x;
  }
  if (xx === 0) return undefined;
  return Math.min(1, Math.max(0, xy / xx));
}
