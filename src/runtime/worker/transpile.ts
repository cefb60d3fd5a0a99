import { parse } from 'acorn';
import { transform } from 'sucrase';
import type { RunErrorInfo } from '../../shared/protocol/index.ts';

/**
 * Snippet source → runnable module code, or an error that names line and
 * column. Sucrase strips the types and keeps every line where it was (so
 * stack traces need no source map); acorn then parses the result as a
 * module, which catches what sucrase lets through (a redeclared `let`, a bad
 * regular expression) before anything starts, and finds the imports: only
 * "racecourse" may be imported, and its specifier is replaced with the URL
 * the run provides.
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

  const edits: { start: number; end: number; text: string }[] = [];
  let problem: TranspileResult | null = null;
  walk(program, (node) => {
    if (problem) return;
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
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { ok: true, code: out };
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
