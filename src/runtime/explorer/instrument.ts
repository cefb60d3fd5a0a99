/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call --
 * acorn's ESTree nodes are walked generically here (by `type`, then by the fields that type has);
 * typing every node kind would add a type per node for no check that the walk does not already make. */
import { parse } from 'acorn';
import { transform } from 'sucrase';
import { SourceEdits } from './edits.ts';

/**
 * The learner's snippet → code the explorer can schedule. Every lane of an
 * explored execution runs in one agent as a coroutine, so every function of
 * the snippet becomes a generator that yields at each visible operation
 * (design/explorer.md §1) and is called with `yield*`:
 *
 * - `f(x)`, `o.m(x)` → `(yield* __rc.c(f, void 0, [x], line))`,
 *   `(yield* __rc.m(o, "m", [x], line))`: the runtime decides whether the
 *   callee is a snippet function (run as a generator), a visible operation
 *   (Atomics, Mutex, Channel …) or a plain built-in (called as is);
 * - `a[i]`, `a[i] = v`, `a[i] += v`, `a[i]++` → `__rc.rd / wr / upd / inc`:
 *   a step when `a` is a view of a SharedArrayBuffer, a plain access otherwise;
 * - `await e` → `(yield __rc.aw(e))`, driven by the lane's own microtask queue;
 * - every loop body starts with `__rc.t(line)`, so a loop that never reaches a
 *   visible operation is caught as "no progress" instead of hanging.
 *
 * A function keeps a plain, callable wrapper (`__rc.k(generator, async, id)`), so
 * built-ins that call it (a sort comparator, a getter) still work; what it
 * does there runs without switch points, and the report says so.
 * Constructors, getters, setters, methods that use `super` and the snippet's
 * own generators keep their native form (their nested functions are still
 * instrumented). Each function also gets a standalone copy (`fresh(id)`) that
 * sees only the worker globals: that is what `spawn` runs, as a real worker
 * would, so a closure fails there as it does in a real run.
 */

export interface Instrumented {
  /** The body of `new Function('__env', body)`, which returns `{ main, fresh }` for one execution. */
  body: string;
  /** Local names the snippet imports from "racecourse", local → exported. */
  imports: Record<string, string>;
}

export type InstrumentResult = { ok: true; value: Instrumented } | { ok: false; message: string; line?: number };

/** Worker globals each execution provides (its lanes' console, timers, random, clock). */
export const LANE_GLOBALS = [
  'console',
  'Promise',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'Math',
  'Date',
  'performance',
  'crypto',
  'navigator',
] as const;

/** Racecourse exports, which a spawned function sees as globals. */
export const RACECOURSE_NAMES = [
  'spawn',
  'Task',
  'Pool',
  'Mutex',
  'Semaphore',
  'Channel',
  'sleep',
  'sleepSync',
  'busy',
  'cores',
  'now',
  'compute',
  'exploring',
  'TerminatedError',
  'WorkerLimitError',
] as const;

/** What the explorer cannot schedule, and why, in the learner's words. */
const UNCONTROLLED: Record<string, string> = {
  Worker: 'a raw `new Worker` starts a thread the explorer cannot schedule; use `spawn` from "racecourse"',
  SharedWorker: 'a SharedWorker starts a thread the explorer cannot schedule; use `spawn` from "racecourse"',
  fetch: '`fetch` finishes when the network says so, outside any schedule; use `sleep(ms)` to stand in for I/O',
  XMLHttpRequest: 'a request finishes when the network says so, outside any schedule; use `sleep(ms)` to stand in for I/O',
  WebSocket: 'a socket receives when the network says so, outside any schedule',
  importScripts: '`importScripts` loads code the explorer has not instrumented',
  MessageChannel: 'messages through a MessageChannel are not explored yet; use a `Channel` from "racecourse"',
  BroadcastChannel: 'messages through a BroadcastChannel are not explored yet; use a `Channel` from "racecourse"',
  postMessage: 'messages between workers (`postMessage`) are not explored yet; use a `Channel` from "racecourse"',
  onmessage: 'messages between workers (`onmessage`) are not explored yet; use a `Channel` from "racecourse"',
  addEventListener: 'events (`addEventListener`) are not explored yet',
};

interface Node {
  type: string;
  start: number;
  end: number;
  loc: { start: { line: number } };
  [key: string]: any;
}

class Unsupported extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Strips the types (sucrase, lines kept) and instruments the result. */
export function instrument(source: string): InstrumentResult {
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: false }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number } }).loc;
    return { ok: false, message: `Syntax error: ${String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, '')}`, line: loc?.line };
  }
  let program: Node;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as Node;
  } catch (error) {
    const loc = (error as { loc?: { line: number } }).loc;
    return { ok: false, message: `Syntax error: ${String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, '')}`, line: loc?.line };
  }
  try {
    return { ok: true, value: new Instrumenter(code, program).run() };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, message: error.message, line: error.line };
    throw error;
  }
}

type Mode = 'gen' | 'native';

interface Context {
  mode: Mode;
  /** Inside an async function (or the module body): `await` is a yield point. */
  async: boolean;
  depth: number;
}

interface FunctionCopy {
  id: number;
  node: Node;
  depth: number;
  /** Wraps the function's own instrumented text into an expression. */
  wrap: (text: string) => string;
}

class Instrumenter {
  readonly #code: string;
  readonly #program: Node;
  readonly #edits: SourceEdits;
  readonly #copies: FunctionCopy[] = [];
  readonly #imports: Record<string, string> = {};
  #nextId = 1;

  constructor(code: string, program: Node) {
    this.#code = code;
    this.#program = program;
    this.#edits = new SourceEdits(code);
  }

  run(): Instrumented {
    for (const statement of this.#program.body as Node[]) this.#topLevel(statement);
    this.#hoistDeclarations(this.#program.body as Node[], 0, 1);
    for (const statement of this.#program.body as Node[]) {
      if (statement.type !== 'ImportDeclaration') this.#visit(statement, { mode: 'gen', async: true, depth: 1 });
    }
    const main = this.#edits.apply();
    const fresh = this.#copies.map((copy) => `case ${copy.id}: return ${copy.wrap(this.#slice(copy))};`).join('\n');
    const globals = LANE_GLOBALS.join(', ');
    const racecourse = RACECOURSE_NAMES.join(', ');
    const imported = Object.entries(this.#imports)
      .map(([local, name]) => (local === name ? local : `${name}: ${local}`))
      .join(', ');
    const body = [
      '"use strict";',
      `const __rc = __env.rc; const { ${globals} } = __env.globals;`,
      `const fresh = (__id) => { const { ${racecourse} } = __env.racecourse; switch (__id) {\n${fresh}\n} };`,
      `const main = function* () { const { ${imported} } = __env.racecourse;\n${main}\n};`,
      'return { main, fresh };',
    ].join('\n');
    return { body, imports: { ...this.#imports } };
  }

  /** Only `import … from "racecourse"`; no exports needed. */
  #topLevel(node: Node): void {
    if (node.type === 'ImportDeclaration') {
      if (node.source.value !== 'racecourse') {
        throw new Unsupported(`The explorer runs only imports from "racecourse", not "${node.source.value}".`, node.loc.start.line);
      }
      for (const spec of node.specifiers as Node[]) {
        if (spec.type !== 'ImportSpecifier') throw new Unsupported('Import the names you need: import { spawn } from "racecourse".', node.loc.start.line);
        const name = spec.imported.name ?? spec.imported.value;
        if (!(RACECOURSE_NAMES as readonly string[]).includes(name)) {
          throw new Unsupported(`"racecourse" has no export named ${name}.`, node.loc.start.line);
        }
        this.#imports[spec.local.name] = name;
      }
      this.#edits.replace(node.start, node.end, '');
    } else if (node.type === 'ExportNamedDeclaration' && node.declaration) {
      this.#edits.replace(node.start, node.declaration.start, '');
    } else if (node.type.startsWith('Export')) {
      throw new Unsupported('A snippet exports nothing: remove the export.', node.loc.start.line);
    }
  }

  #slice(copy: FunctionCopy): string {
    return this.#edits.applyWithin(copy.node.start, copy.node.end, copy.depth);
  }

  #line(node: Node): number {
    return node.loc.start.line;
  }

  #text(node: Node): string {
    return this.#code.slice(node.start, node.end);
  }

  /** Generic walk: visits every child node with the same context. */
  #children(node: Node, ctx: Context): void {
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'type' || key === 'start' || key === 'end') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') this.#visit(child, ctx);
      } else if (value && typeof value.type === 'string') {
        this.#visit(value, ctx);
      }
    }
  }

  #visit(node: Node, ctx: Context): void {
    const inner = { ...ctx, depth: ctx.depth + 1 };
    switch (node.type) {
      case 'Identifier':
        if (Object.hasOwn(UNCONTROLLED, node.name)) {
          throw new Unsupported(`Line ${this.#line(node)}: ${UNCONTROLLED[node.name]}.`, this.#line(node));
        }
        return;
      case 'MemberExpression':
        this.#checkMember(node);
        if (ctx.mode === 'gen' && node.computed && !node.optional && node.object.type !== 'Super') return this.#read(node, ctx);
        this.#visit(node.object, inner);
        if (node.computed) this.#visit(node.property, inner);
        return;
      case 'Property':
        if (node.method && node.kind === 'init') return this.#objectMethod(node, ctx);
        if (node.computed) this.#visit(node.key, inner);
        return this.#visit(node.value, inner);
      case 'ArrayPattern':
      case 'ObjectPattern':
      case 'RestElement':
      case 'AssignmentPattern':
        // Assignment targets keep their native form: `[a[0], a[1]] = …` writes without switch points.
        return this.#children(node, { ...inner, mode: 'native' });
      case 'UnaryExpression':
        if (node.operator === 'delete') return this.#children(node, { ...inner, mode: 'native' });
        return this.#children(node, inner);
      case 'LabeledStatement':
        return this.#visit(node.body, inner);
      case 'BreakStatement':
      case 'ContinueStatement':
        return;
      case 'FunctionDeclaration':
        return this.#functionDeclaration(node, ctx);
      case 'FunctionExpression':
        return this.#functionExpression(node, ctx);
      case 'ArrowFunctionExpression':
        return this.#arrow(node, ctx);
      case 'ClassBody':
        return this.#classBody(node, ctx);
      case 'ChainExpression':
        if (ctx.mode === 'gen' && this.#optionalMethodCall(node, ctx)) return;
        // Other optional chains keep their native form (no switch points inside one expression).
        return this.#children(node, { ...inner, mode: 'native' });
      case 'CallExpression':
        return this.#call(node, ctx);
      case 'AssignmentExpression':
        return this.#assignment(node, ctx);
      case 'UpdateExpression':
        return this.#update(node, ctx);
      case 'AwaitExpression':
        if (ctx.mode === 'gen' && ctx.async) {
          this.#edits.replace(node.start, node.start + 5, '(yield __rc.aw(');
          this.#edits.close(node.end, '))', ctx.depth);
        }
        return this.#children(node, inner);
      case 'ForOfStatement':
      case 'ForInStatement':
        if (node.await) return this.#forAwait(node, ctx);
        this.#loopBody(node, ctx);
        this.#visit(node.left, { ...inner, mode: 'native' });
        this.#visit(node.right, inner);
        return this.#visit(node.body, inner);
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        this.#loopBody(node, ctx);
        return this.#children(node, inner);
      case 'BlockStatement':
        this.#hoistDeclarations(node.body as Node[], node.start + 1, ctx.depth + 1);
        return this.#children(node, inner);
      case 'VariableDeclarator':
        if (ctx.mode === 'gen' && isTypedArrayNew(node.init) && node.id.type === 'Identifier') {
          // `const shared = new Int32Array(…)`: the view is named `shared` in Step mode's shared state from its creation on.
          this.#edits.open(node.init.start, '__rc.sv(', ctx.depth);
          this.#edits.close(node.init.end, `, ${JSON.stringify(node.id.name)})`, ctx.depth);
        }
        return this.#children(node, inner);
      default:
        return this.#children(node, inner);
    }
  }

  #checkMember(node: Node): void {
    if (!node.computed && node.property.type === 'Identifier' && ['postMessage', 'onmessage'].includes(node.property.name)) {
      throw new Unsupported(`Line ${this.#line(node)}: ${UNCONTROLLED[node.property.name as string]}.`, this.#line(node));
    }
  }

  /** `a[i]` read → `(yield* __rc.rd(a, i, line, "a"))`. */
  #read(node: Node, ctx: Context): void {
    const d = ctx.depth;
    this.#edits.open(node.start, '(yield* __rc.rd(', d);
    this.#edits.replace(node.object.end, node.property.start, this.#between(node.object.end, node.property.start, ', '));
    this.#edits.replace(node.property.end, node.end, `${this.#closers(node.property.end, node.end)}, ${this.#line(node)}, ${this.#name(node.object)}))`);
    this.#visit(node.object, { ...ctx, depth: d + 1 });
    this.#visit(node.property, { ...ctx, depth: d + 1 });
  }

  #name(node: Node): string {
    const text = this.#text(node).replace(/\s+/g, ' ');
    return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
  }

  /** Keeps the closing parentheses in `[from, to)` (those of the expression before), then `text`. */
  #closers(from: number, to: number): string {
    return (this.#code.slice(from, to).match(/^[\s)]*/)?.[0] ?? '').replace(/[^)]/g, '');
  }

  /** Closing parentheses before the separator, `text`, opening parentheses after it. */
  #between(from: number, to: number, text: string): string {
    const slice = this.#code.slice(from, to);
    const lead = (slice.match(/^[\s)]*/)?.[0] ?? '').replace(/[^)]/g, '');
    const trail = (slice.match(/[\s(]*$/)?.[0] ?? '').replace(/[^(]/g, '');
    return lead + text + trail;
  }

  #call(node: Node, ctx: Context): void {
    const d = ctx.depth;
    const inner = { ...ctx, depth: d + 1 };
    const callee = node.callee as Node;
    if (ctx.mode !== 'gen' || node.optional || callee.type === 'Super' || (callee.type === 'MemberExpression' && (callee.optional || callee.object.type === 'Super'))) {
      return this.#children(node, inner);
    }
    const open = this.#code.indexOf('(', callee.end);
    const line = this.#line(node);
    const args = node.arguments as Node[];
    if (callee.type === 'MemberExpression') {
      this.#checkMember(callee);
      const object = callee.object as Node;
      const property = callee.property as Node;
      if (!callee.computed && object.type === 'Identifier' && object.name === 'Atomics') {
        this.#edits.open(node.start, `(yield* __rc.at(${JSON.stringify(property.name)}, [`, d);
        this.#edits.replace(object.start, open + 1, '');
        const first = args[0];
        this.#edits.replace(node.end - 1, node.end, `], ${line}, ${first ? this.#name(first) : '""'}))`);
        for (const arg of args) this.#visit(arg, inner);
        return;
      }
      this.#edits.open(node.start, '(yield* __rc.m(', d);
      if (callee.computed) {
        this.#edits.replace(object.end, property.start, this.#between(object.end, property.start, ', '));
        this.#edits.replace(property.end, open + 1, `${this.#closers(property.end, open)}, [`);
        this.#visit(property, inner);
      } else {
        this.#edits.replace(object.end, open + 1, `${this.#closers(object.end, property.start)}, ${JSON.stringify(property.name)}, [`);
      }
      this.#edits.replace(node.end - 1, node.end, `], ${line}))`);
      this.#visit(object, inner);
    } else {
      this.#edits.open(node.start, '(yield* __rc.c(', d);
      this.#edits.replace(callee.end, open + 1, `${this.#closers(callee.end, open)}, void 0, [`);
      this.#edits.replace(node.end - 1, node.end, `], ${line}, ${this.#name(callee)}))`);
      this.#visit(callee, inner);
    }
    for (const arg of args) this.#visit(arg, inner);
  }

  /** `o?.m(x)` → `(yield* __rc.mo(o, "m", [x], line))`: a method call that is undefined when `o` is null or undefined. */
  #optionalMethodCall(node: Node, ctx: Context): boolean {
    const call = node.expression as Node;
    if (call.type !== 'CallExpression' || call.optional || call.start !== node.start || call.end !== node.end) return false;
    const callee = call.callee as Node;
    if (callee.type !== 'MemberExpression' || !callee.optional || callee.computed || callee.object.type === 'Super') return false;
    const inner = { ...ctx, depth: ctx.depth + 1 };
    const open = this.#code.indexOf('(', callee.end);
    this.#edits.open(node.start, '(yield* __rc.mo(', ctx.depth);
    this.#edits.replace(callee.object.end, open + 1, `${this.#closers(callee.object.end, callee.property.start)}, ${JSON.stringify(callee.property.name)}, [`);
    this.#edits.replace(call.end - 1, call.end, `], ${this.#line(call)}))`);
    this.#visit(callee.object, inner);
    for (const arg of call.arguments as Node[]) this.#visit(arg, inner);
    return true;
  }

  /** Each worker has its own global object; the explorer's lanes share one, so writing to it is refused. */
  #checkGlobalWrite(target: Node): void {
    if (target.type === 'MemberExpression' && target.object.type === 'Identifier' && ['globalThis', 'self', 'window'].includes(target.object.name)) {
      throw new Unsupported(
        `Line ${this.#line(target)}: each worker has a global object of its own, but the explorer runs every worker in one, so it cannot explore writes to ${target.object.name}. Keep the value in a variable, or pass it as an argument.`,
        this.#line(target),
      );
    }
  }

  #assignment(node: Node, ctx: Context): void {
    const left = node.left as Node;
    this.#checkGlobalWrite(left);
    const inner = { ...ctx, depth: ctx.depth + 1 };
    const arithmetic = ['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^='];
    if (
      ctx.mode !== 'gen' ||
      left.type !== 'MemberExpression' ||
      !left.computed ||
      left.optional ||
      left.object.type === 'Super' ||
      left.start !== node.start ||
      !arithmetic.includes(node.operator)
    ) {
      if (left.type === 'MemberExpression') {
        this.#checkMember(left);
        this.#visit(left.object, inner);
        if (left.computed) this.#visit(left.property, inner);
      } else {
        this.#visit(left, inner);
      }
      return this.#visit(node.right, inner);
    }
    const d = ctx.depth;
    const helper = node.operator === '=' ? 'wr' : 'upd';
    this.#edits.open(node.start, `(yield* __rc.${helper}(`, d);
    this.#edits.replace(left.object.end, left.property.start, this.#between(left.object.end, left.property.start, ', '));
    const op = node.operator === '=' ? ', ' : `, ${JSON.stringify(node.operator.slice(0, -1))}, `;
    this.#edits.replace(left.property.end, node.right.start, this.#between(left.property.end, node.right.start, op));
    this.#edits.close(node.end, `, ${this.#line(node)}, ${this.#name(left.object)}))`, d);
    this.#visit(left.object, inner);
    this.#visit(left.property, inner);
    this.#visit(node.right, inner);
  }

  #update(node: Node, ctx: Context): void {
    const arg = node.argument as Node;
    this.#checkGlobalWrite(arg);
    const inner = { ...ctx, depth: ctx.depth + 1 };
    if (ctx.mode !== 'gen' || arg.type !== 'MemberExpression' || !arg.computed || arg.optional || arg.object.type === 'Super') {
      if (arg.type === 'MemberExpression') {
        this.#visit(arg.object, inner);
        if (arg.computed) this.#visit(arg.property, inner);
        return;
      }
      return this.#visit(arg, inner);
    }
    if (!node.prefix && arg.start !== node.start) return this.#children(node, inner);
    const d = ctx.depth;
    const delta = node.operator === '++' ? 1 : -1;
    if (node.prefix) this.#edits.replace(node.start, arg.start, `(yield* __rc.inc(${this.#code.slice(node.start + 2, arg.start).replace(/[^(]/g, '')}`);
    else this.#edits.open(node.start, '(yield* __rc.inc(', d);
    this.#edits.replace(arg.object.end, arg.property.start, this.#between(arg.object.end, arg.property.start, ', '));
    const tail = `, ${delta}, ${node.prefix}, ${this.#line(node)}, ${this.#name(arg.object)}))`;
    if (node.prefix) {
      this.#edits.replace(arg.property.end, arg.end, this.#closers(arg.property.end, arg.end) + tail);
    } else {
      this.#edits.replace(arg.property.end, node.end, this.#closers(arg.property.end, node.end) + tail);
    }
    this.#visit(arg.object, inner);
    this.#visit(arg.property, inner);
  }

  /** `for await (const x of e) body` → a loop over the iterator's awaited `next()`. */
  #forAwait(node: Node, ctx: Context): void {
    if (ctx.mode !== 'gen' || !ctx.async) return this.#children(node, { ...ctx, depth: ctx.depth + 1 });
    const id = this.#nextId++;
    const left = node.left as Node;
    const it = `__it${id}`;
    const r = `__r${id}`;
    const binding =
      left.type === 'VariableDeclaration'
        ? `${left.kind} ${this.#code.slice(left.declarations[0].id.start, left.declarations[0].id.end)} = ${r}.value;`
        : `${this.#text(left)} = ${r}.value;`;
    this.#edits.replace(node.start, node.right.start, `for (let ${it} = __rc.ai(`);
    this.#edits.replace(
      node.right.end,
      node.body.start,
      `, ${this.#line(node)}), ${r}; !(${r} = (yield __rc.aw(yield* __rc.nx(${it}, ${this.#line(node)})))).done; ) { __rc.t(${this.#line(node)}); ${binding} `,
    );
    this.#edits.close(node.body.end, ' }', ctx.depth);
    const inner = { ...ctx, depth: ctx.depth + 1 };
    this.#visit(node.right, inner);
    this.#visit(node.body, inner);
  }

  #loopBody(node: Node, ctx: Context): void {
    const body = node.body as Node;
    const line = this.#line(node);
    // In a generator the back-edge may also find the lane spinning (design/explorer.md §1, "Spin loops").
    const tick = ctx.mode === 'gen' ? `yield* __rc.ts(${line}, ${node.start + 1}, ${mayOnlySpin(node)});` : `__rc.t(${line});`;
    if (body.type === 'BlockStatement') {
      this.#edits.open(body.start + 1, ` ${tick}`, ctx.depth + 2);
    } else {
      this.#edits.open(body.start, `{ ${tick} `, ctx.depth + 1);
      this.#edits.close(body.end, ' }', ctx.depth + 1);
    }
  }

  /** Function declarations of a scope: `function* f$rc` plus `const f = __rc.k(f$rc, …)` at the scope's start. */
  #hoistDeclarations(statements: Node[], at: number, depth: number): void {
    const lines: string[] = [];
    for (const statement of statements) {
      const fn = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (fn?.type !== 'FunctionDeclaration' || fn.generator) continue;
      const name = fn.id.name as string;
      fn.rcId = this.#nextId++;
      fn.hoisted = true;
      lines.push(`const ${name} = __rc.k(${name}$rc, ${fn.async}, ${fn.rcId});`);
    }
    if (lines.length) this.#edits.open(at, lines.join(' ') + '\n', depth);
  }

  #functionDeclaration(node: Node, ctx: Context): void {
    if (node.generator || !node.hoisted) return this.#nativeFunction(node, ctx);
    const name = node.id.name as string;
    this.#edits.replace(node.start, node.id.end, `function* ${name}$rc`);
    this.#copies.push({ id: node.rcId, node, depth: ctx.depth, wrap: (text) => `__rc.k(${text}, ${node.async}, ${node.rcId})` });
    this.#functionBody(node, ctx);
  }

  #functionExpression(node: Node, ctx: Context): void {
    if (node.generator) return this.#nativeFunction(node, ctx);
    const id = this.#nextId++;
    const open = this.#code.indexOf('(', node.id ? node.id.end : node.start);
    const d = ctx.depth;
    this.#edits.open(node.start, '__rc.k(', d);
    this.#edits.replace(node.start, open, `function* ${node.id ? node.id.name : ''}`);
    this.#edits.close(node.end, `, ${node.async}, ${id})`, d);
    this.#copies.push({ id, node, depth: d, wrap: (text) => text });
    this.#functionBody(node, ctx);
  }

  #arrow(node: Node, ctx: Context): void {
    const id = this.#nextId++;
    const d = ctx.depth;
    const params = (node.params as Node[]).map((p) => this.#text(p)).join(', ');
    const expression = node.body.type !== 'BlockStatement';
    this.#edits.replace(node.start, node.body.start, `__rc.k(function* (${params}) ${expression ? '{ return (' : ''}`);
    this.#edits.close(node.end, `${expression ? '); }' : ''}.bind(this), ${node.async}, ${id})`, d);
    this.#copies.push({ id, node, depth: d, wrap: (text) => text });
    const body = { mode: 'gen' as Mode, async: node.async as boolean, depth: d + 1 };
    if (expression) return this.#visit(node.body, body);
    this.#hoistDeclarations(node.body.body as Node[], node.body.start + 1, d + 2);
    this.#children(node.body, body);
  }

  #functionBody(node: Node, ctx: Context): void {
    const d = ctx.depth + 1;
    // Parameters (defaults included) keep their native form.
    for (const param of node.params as Node[]) this.#visit(param, { ...ctx, mode: 'native', depth: d });
    this.#hoistDeclarations(node.body.body as Node[], node.body.start + 1, d + 1);
    this.#children(node.body, { mode: 'gen', async: node.async as boolean, depth: d + 1 });
  }

  #nativeFunction(node: Node, ctx: Context): void {
    const d = ctx.depth + 1;
    for (const param of node.params as Node[]) this.#visit(param, { ...ctx, mode: 'native', depth: d });
    const body = { mode: 'native' as Mode, async: node.async as boolean, depth: d };
    if (node.body.type !== 'BlockStatement') return this.#visit(node.body, body);
    this.#hoistDeclarations(node.body.body as Node[], node.body.start + 1, d + 1);
    this.#children(node.body, body);
  }

  /** Object-literal method `m(x) {…}` → `m: __rc.k(function* m(x) {…})`. */
  #objectMethod(node: Node, ctx: Context): void {
    const fn = node.value as Node;
    if (node.computed || fn.generator || usesSuper(fn) || node.key.type !== 'Identifier') return this.#nativeFunction(fn, ctx);
    const id = this.#nextId++;
    const name = node.key.name as string;
    this.#edits.replace(node.start, fn.start, `${name}: __rc.k(function* ${name}`);
    this.#edits.close(node.end, `, ${fn.async}, ${id})`, ctx.depth);
    this.#functionBody(fn, ctx);
  }

  /**
   * Class methods: `m(x) {…}` → a wrapper `m(...a)` (so the class looks the
   * same from outside) and the generator `*m$rc(x) {…}`; a static block
   * registers the pairs for the call helpers.
   */
  #classBody(node: Node, ctx: Context): void {
    const own: [string, boolean][] = [];
    const statics: [string, boolean][] = [];
    for (const member of node.body as Node[]) {
      const fn = member.value as Node | undefined;
      const plain =
        member.type === 'MethodDefinition' &&
        member.kind === 'method' &&
        !member.computed &&
        member.key.type === 'Identifier' &&
        fn &&
        !fn.generator &&
        !usesSuper(fn);
      if (!plain) {
        if (member.type === 'MethodDefinition') this.#nativeFunction(fn!, ctx);
        else this.#visit(member, { ...ctx, mode: 'native', depth: ctx.depth + 1 });
        continue;
      }
      const name = member.key.name as string;
      const prefix = member.static ? 'static ' : '';
      (member.static ? statics : own).push([name, fn.async as boolean]);
      this.#edits.replace(
        member.start,
        fn.start,
        `${prefix}${name}(...__a) { return __rc.rm(this, ${JSON.stringify(`${name}$rc`)}, __a, ${fn.async}); } ${prefix}*${name}$rc`,
      );
      this.#functionBody(fn, ctx);
    }
    if (own.length || statics.length) {
      this.#edits.open(node.end - 1, ` static { __rc.kc(this, ${JSON.stringify(own)}, ${JSON.stringify(statics)}); } `, ctx.depth + 1);
    }
  }
}

/**
 * Whether an iteration of this loop can change nothing but shared memory: no
 * calls other than `Atomics.*`, no nested loop, no await or yield, and no
 * assignment to a variable declared outside its body or to an object's
 * property. Only such a loop can be found spinning (waiting for another lane)
 * at its back-edge; whether it is, the runtime decides from what the
 * iteration read and wrote.
 */
function isTypedArrayNew(node: Node | null | undefined): boolean {
  return !!node && node.type === 'NewExpression' && node.callee.type === 'Identifier' && /^(?:Big)?(?:Int|Uint|Float)(?:8|16|32|64)(?:Clamped)?Array$/.test(node.callee.name);
}

function mayOnlySpin(loop: Node): boolean {
  if (loop.type !== 'WhileStatement' && loop.type !== 'DoWhileStatement' && loop.type !== 'ForStatement') return false;
  const declared = new Set<string>();
  const collect = (n: Node) => {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') declared.add(n.id.name);
    for (const key of Object.keys(n)) {
      if (key === 'loc') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === 'string') collect(c);
      } else if (v && typeof v.type === 'string') collect(v);
    }
  };
  collect(loop.body);
  let ok = true;
  const check = (n: Node) => {
    if (!ok) return;
    switch (n === loop ? '' : n.type) {
      case 'CallExpression':
        if (!(n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.object.type === 'Identifier' && n.callee.object.name === 'Atomics')) ok = false;
        break;
      case 'NewExpression':
      case 'AwaitExpression':
      case 'YieldExpression':
      case 'TaggedTemplateExpression':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
        ok = false;
        break;
      case 'AssignmentExpression':
      case 'UpdateExpression': {
        const target = n.type === 'AssignmentExpression' ? n.left : n.argument;
        if (target.type === 'Identifier' ? !declared.has(target.name) : !(target.type === 'MemberExpression' && target.computed)) ok = false;
        break;
      }
    }
    for (const key of Object.keys(n)) {
      if (key === 'loc') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === 'string') check(c);
      } else if (v && typeof v.type === 'string' && (n !== loop || key !== 'init')) check(v);
    }
  };
  check(loop);
  return ok;
}

function usesSuper(node: Node): boolean {
  let found = false;
  const walk = (n: Node) => {
    if (found) return;
    if (n.type === 'Super') {
      found = true;
      return;
    }
    if (n !== node && (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration')) return;
    for (const key of Object.keys(n)) {
      if (key === 'loc') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === 'string') walk(c);
      }
      else if (v && typeof v.type === 'string') walk(v);
    }
  };
  walk(node);
  return found;
}
