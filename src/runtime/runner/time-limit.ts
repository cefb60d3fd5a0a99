import { LIMITS } from '../../shared/protocol/index.ts';

/**
 * A snippet may declare its own time limit in a comment among its leading
 * comment lines (before the first line of code):
 *
 *     // @time-limit 30s
 *     /* @time-limit 1500ms *\/
 *     // @time-limit 2m
 *
 * The number may have a fraction; the unit is `ms`, `s` (the default when
 * omitted) or `m`. Values are clamped to 100 ms … 10 min.
 */

const DIRECTIVE = /@time-limit\s+(\d+(?:\.\d+)?)\s*(ms|s|m)?\b/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

export interface TimeLimitDeclaration {
  ms: number;
  /** The directive as written, for messages. */
  text: string;
}

export function declaredTimeLimit(code: string): TimeLimitDeclaration | undefined {
  for (const comment of leadingComments(code)) {
    const match = DIRECTIVE.exec(comment);
    if (!match) continue;
    const unit = (match[2] ?? 's').toLowerCase();
    const ms = Number(match[1]) * (UNIT_MS[unit] ?? 1000);
    return { ms: clampTimeLimit(ms), text: match[0] };
  }
  return undefined;
}

export function clampTimeLimit(ms: number): number {
  if (!Number.isFinite(ms)) return LIMITS.defaultTimeLimitMs;
  return Math.min(LIMITS.maxTimeLimitMs, Math.max(LIMITS.minTimeLimitMs, Math.round(ms)));
}

/** The limit for a run: the caller's option, else the snippet's declaration, else 10 s. */
export function effectiveTimeLimit(code: string, option?: number): number {
  if (option !== undefined) return clampTimeLimit(option);
  return declaredTimeLimit(code)?.ms ?? LIMITS.defaultTimeLimitMs;
}

/** The comments before the first line of code, in order. */
function leadingComments(code: string): string[] {
  const comments: string[] = [];
  let rest = code;
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (rest.startsWith('//')) {
      const end = rest.indexOf('\n');
      comments.push(end < 0 ? rest : rest.slice(0, end));
      if (end < 0) break;
      rest = rest.slice(end + 1);
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      if (end < 0) break;
      comments.push(rest.slice(0, end + 2));
      rest = rest.slice(end + 2);
    } else {
      break;
    }
  }
  return comments;
}
