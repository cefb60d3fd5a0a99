import { parse } from 'acorn';
import { transform } from 'sucrase';
import type { RunErrorInfo } from '../../shared/protocol/index.ts';
import { LOCK_LINE_MARKER } from '../core/lock-trail.ts';

/**
 * Snippet source → runnable module code, or an error that names line and
 * column. Sucrase strips the types and keeps every line where it was (so
 * stack traces need no source map); acorn then parses the result as a
 * module, which catches what sucrase lets through (a redeclared `let`, a bad
 * regular expression) before anything starts, and finds the imports: only
 * "racecourse" may be imported, and its specifier is replaced with the URL
 * the run provides. Calls of lock methods get their snippet line marked
 * (core/lock-trail.ts: the lock-order graph names lines without a stack).
 */

export type TranspileResult =
  | { ok: true; code: string }
  | { ok: false; error: RunErrorInfo; text: string };

export interface ModuleResolver {
  /** URL to import instead of `specifier`, or null when it cannot be imported. */
  resolve(specifier: string): string | null;
  /** Names a module exports, to check named imports early (undefined: don't check). */
  exportsOf(specifier: string): readonly string[] | undefined;
}

interface Node {
  type: string;
  start: number;
  end: number;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

export function transpile(source: string, modules: ModuleResolver): TranspileResult {
  let code: string;
  try {
    code = transform(source, {
      transforms: ['typescript'],
      disableESTransforms: true,
      // Drop imports whose bindings are used only as types, as tsc does (`import "x"` always stays).
      keepUnusedImports: false,
    }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = String((error as Error).message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
    return syntaxError(source, message, loc?.line, loc?.column);
  }

  let program: Node;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as Node;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = String((error as Error).message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
    return syntaxError(source, message, loc?.line, loc === undefined ? undefined : loc.column + 1);
  }

  const edits: { start: number; end: number; text: string; span?: number }[] = [];
  let problem: TranspileResult | null = null;
  walk(program, (node) => {
    if (problem) return;
    const marked = lockCall(node, code);
    if (marked) {
      const span = marked.object.end - marked.object.start;
      edits.push({ start: marked.object.start, end: marked.object.start, text: `${LOCK_LINE_MARKER}(${marked.line},`, span });
      edits.push({ start: marked.object.end, end: marked.object.end, text: ')', span });
      return;
    }
    const sourceNode = moduleSource(node);
    if (!sourceNode) return;
    const specifier = sourceNode.value as string;
    const line = sourceNode.loc?.start.line;
    const column = sourceNode.loc ? sourceNode.loc.start.column + 1 : undefined;
    const url = modules.resolve(specifier);
    if (url === null) {
      problem = moduleError(
        source,
        `Cannot import "${specifier}": a snippet can import only "racecourse" (everything else it needs is a global).`,
        line,
        column,
      );
      return;
    }
    const names = modules.exportsOf(specifier);
    if (names && node.type === 'ImportDeclaration') {
      for (const spec of (node.specifiers as Node[] | undefined) ?? []) {
        if (spec.type !== 'ImportSpecifier') continue;
        const imported = spec.imported as Node;
        const name = (imported.name ?? imported.value) as string;
        if (!names.includes(name)) {
          problem = moduleError(
            source,
            `"${specifier}" has no export named "${name}". It exports: ${names.join(', ')}.`,
            imported.loc?.start.line,
            imported.loc ? imported.loc.start.column + 1 : undefined,
          );
          return;
        }
      }
    }
    edits.push({ start: sourceNode.start, end: sourceNode.end, text: JSON.stringify(url) });
  });
  if (problem) return problem;

  let out = code;
  // Last position first; at one position, the inner marker first so that the outer one ends up before it.
  for (const edit of edits.sort((a, b) => b.start - a.start || (a.span ?? 0) - (b.span ?? 0))) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { ok: true, code: out };
}

/** The methods whose calls get their line marked: every way to take a Mutex or a Semaphore. */
const LOCK_METHODS = new Set(['lock', 'lockAsync', 'tryLock', 'withLock', 'acquire', 'acquireAsync', 'tryAcquire']);

/**
 * `x.lock()` (any object: the name is all the transpiler knows; a marker on
 * another object's `lock` costs nothing) → its receiver and the line of the
 * method's name. Optional chains and `super` are left alone: wrapping their
 * receiver would change what they mean.
 */
function lockCall(node: Node, code: string): { object: Node; line: number } | null {
  if (node.type !== 'CallExpression' || node.optional) return null;
  const callee = node.callee as Node;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.optional) return null;
  const property = callee.property as Node;
  const object = callee.object as Node;
  if (property.type !== 'Identifier' || !LOCK_METHODS.has(property.name as string) || object.type === 'Super') return null;
  if (code.slice(object.start, object.end).includes('?.')) return null;
  const line = property.loc?.start.line;
  return line === undefined ? null : { object, line };
}

/** The string literal naming a module, for import/export-from declarations and `import("…")`. */
function moduleSource(node: Node): Node | null {
  if (
    node.type === 'ImportDeclaration' ||
    node.type === 'ExportAllDeclaration' ||
    (node.type === 'ExportNamedDeclaration' && node.source) ||
    node.type === 'ImportExpression'
  ) {
    const sourceNode = node.source as Node | null | undefined;
    if (sourceNode && sourceNode.type === 'Literal' && typeof sourceNode.value === 'string') return sourceNode;
  }
  return null;
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) walk(item, visit);
    } else if (isNode(child)) {
      walk(child, visit);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function syntaxError(source: string, message: string, line?: number, column?: number): TranspileResult {
  return located(source, `SyntaxError: ${message}`, 'syntax', line, column);
}

function moduleError(source: string, message: string, line?: number, column?: number): TranspileResult {
  return located(source, `SyntaxError: ${message}`, 'syntax', line, column);
}

function located(source: string, headline: string, kind: RunErrorInfo['kind'], line?: number, column?: number): TranspileResult {
  const where = line !== undefined ? ` (line ${line}${column !== undefined ? `, column ${column}` : ''})` : '';
  const message = `${headline}${where}`;
  return {
    ok: false,
    error: { kind, message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) },
    text: line !== undefined ? `${message}\n${codeFrame(source, line, column)}` : message,
  };
}

/** The offending line with a caret under the column. */
export function codeFrame(source: string, line: number, column?: number): string {
  const text = source.split('\n')[line - 1] ?? '';
  const gutter = String(line);
  const caret = column !== undefined ? `\n${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, column - 1))}^` : '';
  return `${gutter} | ${text}${caret}`;
}
