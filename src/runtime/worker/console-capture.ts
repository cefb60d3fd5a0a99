import { LIMITS, type Stream } from '../../shared/protocol/index.ts';
import type { WorkerContext } from '../core/context.ts';
import { formatArgs } from '../core/format.ts';
import { outputCapNotice } from '../core/output-notices.ts';

/**
 * Replaces `console` in a worker of the run. Lines are numbered run-wide
 * through the control block, so the output cap holds across all workers and
 * a flood costs one atomic add per dropped line: nothing is formatted or sent
 * once the cap is reached.
 */

export function installConsole(ctx: WorkerContext): void {
  let indent = '';
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  const mapStack = (stack: string) => ctx.mapStack(stack);

  const line = (stream: Stream, text: string) => {
    ctx.meter.touch();
    const index = ctx.control.nextOutputLine();
    if (index >= LIMITS.outputLines) {
      if (index === LIMITS.outputLines) ctx.emit({ k: 'console', t: ctx.now(), stream: 'system', text: outputCapNotice() });
      return;
    }
    let shown = indent ? indent + text.replace(/\n/g, `\n${indent}`) : text;
    if (shown.length > LIMITS.lineChars)
      shown = `${shown.slice(0, LIMITS.lineChars)}… (${shown.length - LIMITS.lineChars} more characters)`;
    ctx.emit({ k: 'console', t: ctx.now(), stream, text: shown });
  };
  const print =
    (stream: Stream) =>
    (...args: unknown[]) =>
      line(stream, formatArgs(args, { mapStack }));

  const target = console as unknown as Record<string, unknown>;
  const methods: Record<string, (...args: unknown[]) => void> = {
    log: print('log'),
    debug: print('log'),
    info: print('info'),
    warn: print('warn'),
    error: print('error'),
    dir: (value: unknown) => line('log', formatArgs([value], { mapStack })),
    dirxml: print('log'),
    trace: (...args: unknown[]) => {
      const stack = mapStack(new Error().stack ?? '').split('\n').slice(1).join('\n');
      line('log', `Trace${args.length ? `: ${formatArgs(args, { mapStack })}` : ''}${stack ? `\n${stack}` : ''}`);
    },
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) line('error', `Assertion failed${args.length ? `: ${formatArgs(args, { mapStack })}` : ''}`);
    },
    group: (...args: unknown[]) => {
      if (args.length) line('log', formatArgs(args, { mapStack }));
      indent += '  ';
    },
    groupCollapsed: (...args: unknown[]) => {
      if (args.length) line('log', formatArgs(args, { mapStack }));
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
    count: (label: unknown = 'default') => {
      const key = String(label);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      line('log', `${key}: ${n}`);
    },
    countReset: (label: unknown = 'default') => {
      counts.delete(String(label));
    },
    time: (label: unknown = 'default') => {
      timers.set(String(label), performance.now());
    },
    timeLog: (label: unknown = 'default', ...args: unknown[]) => {
      const start = timers.get(String(label));
      if (start === undefined) return line('warn', `Timer '${String(label)}' does not exist`);
      line('log', `${String(label)}: ${formatMs(performance.now() - start)}${args.length ? ` ${formatArgs(args, { mapStack })}` : ''}`);
    },
    timeEnd: (label: unknown = 'default') => {
      const start = timers.get(String(label));
      if (start === undefined) return line('warn', `Timer '${String(label)}' does not exist`);
      timers.delete(String(label));
      line('log', `${String(label)}: ${formatMs(performance.now() - start)}`);
    },
    table: (data: unknown) => line('log', renderTable(data) ?? formatArgs([data], { mapStack })),
    clear: () => {},
  };
  for (const [name, fn] of Object.entries(methods)) target[name] = fn;
}

function formatMs(ms: number): string {
  return `${ms.toFixed(3)} ms`;
}

/** A plain-text table for arrays/objects of rows; undefined when the data is not tabular. */
export function renderTable(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const rows = Object.entries(data as Record<string, unknown>);
  const columns: string[] = [];
  let hasValues = false;
  for (const [, row] of rows) {
    if (typeof row === 'object' && row !== null) {
      for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
    } else hasValues = true;
  }
  const header = ['(index)', ...columns, ...(hasValues ? ['Values'] : [])];
  const cell = (v: unknown) => (typeof v === 'string' ? `'${v}'` : v === undefined ? '' : formatArgs([v]));
  const body = rows.map(([index, row]) => {
    const isObject = typeof row === 'object' && row !== null;
    return [
      index,
      ...columns.map((c) => (isObject ? cell((row as Record<string, unknown>)[c]) : '')),
      ...(hasValues ? [isObject ? '' : cell(row)] : []),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) => `│ ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ')} │`;
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  return [rule('┌', '┬', '┐'), fmt(header), rule('├', '┼', '┤'), ...body.map(fmt), rule('└', '┴', '┘')].join('\n');
}
