/**
 * console.log formatting in the style of Node's util.inspect, small enough
 * to ship to every worker: objects, arrays, Map/Set, typed arrays, errors
 * with their stacks, class names, cycles, depth and length limits, and the
 * printf-style `%s %d %i %f %o %O %j %c %%` directives.
 */

export interface FormatOptions {
  /** Rewrites an error stack so that it points into the snippet. */
  mapStack?: (stack: string) => string;
}

const MAX_DEPTH = 3;
const MAX_ITEMS = 100;
const MAX_STRING = 10_000;
const LINE_WIDTH = 72;

/** A class can describe itself to the formatter (Mutex, Channel, … do). */
export const INSPECT = Symbol.for('racecourse.inspect');

export function formatArgs(args: readonly unknown[], options: FormatOptions = {}): string {
  if (args.length === 0) return '';
  const first = args[0];
  let rest = args.slice(1);
  let head: string;
  if (typeof first === 'string' && first.includes('%') && rest.length > 0) {
    const applied = applyDirectives(first, rest, options);
    head = applied.text;
    rest = applied.rest;
  } else {
    head = typeof first === 'string' ? first : inspect(first, options);
  }
  const tail = rest.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, options)));
  return [head, ...tail].join(' ');
}

function applyDirectives(format: string, args: unknown[], options: FormatOptions) {
  let index = 0;
  const text = format.replace(/%([sdifoOjc%])/g, (match, directive: string) => {
    if (directive === '%') return '%';
    if (index >= args.length) return match;
    const arg = args[index++];
    switch (directive) {
      case 's':
        return typeof arg === 'string' ? arg : inspect(arg, { ...options, depthLimit: 1 });
      case 'd':
      case 'i': {
        if (typeof arg === 'bigint') return `${arg}n`;
        const n = Number(arg);
        return String(directive === 'i' ? Math.trunc(n) : n);
      }
      case 'f':
        return String(Number(arg));
      case 'j':
        try {
          return JSON.stringify(arg) ?? 'undefined';
        } catch {
          return '[Circular]';
        }
      case 'c':
        return '';
      default:
        return inspect(arg, options);
    }
  });
  return { text, rest: args.slice(index) };
}

interface InspectOptions extends FormatOptions {
  depthLimit?: number;
}

export function inspect(value: unknown, options: InspectOptions = {}): string {
  const seen: object[] = [];
  return render(value, 0, seen, options, false);
}

function render(value: unknown, depth: number, seen: object[], options: InspectOptions, nested: boolean): string {
  switch (typeof value) {
    case 'string':
      return nested ? quote(value) : truncate(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return describeFunction(value as (...args: unknown[]) => unknown);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.includes(object)) return '[Circular]';

  const custom = (object as Record<symbol, unknown>)[INSPECT];
  if (typeof custom === 'function') return String((custom as () => unknown).call(object));

  if (object instanceof Error) return renderError(object, depth, seen, options);
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (object instanceof RegExp) return object.toString();
  if (object instanceof Promise) return 'Promise { <pending or settled> }';
  if (object instanceof WeakMap) return 'WeakMap { <items unknown> }';
  if (object instanceof WeakSet) return 'WeakSet { <items unknown> }';
  if (typeof SharedArrayBuffer !== 'undefined' && object instanceof SharedArrayBuffer)
    return `SharedArrayBuffer { byteLength: ${object.byteLength} }`;
  if (object instanceof ArrayBuffer) return `ArrayBuffer { byteLength: ${object.byteLength} }`;
  if (object instanceof DataView) return `DataView { byteLength: ${object.byteLength}, byteOffset: ${object.byteOffset} }`;

  const maxDepth = options.depthLimit ?? MAX_DEPTH;
  if (ArrayBuffer.isView(object)) {
    const typed = object as unknown as ArrayLike<number | bigint> & { constructor: { name: string } };
    const shown = Array.from({ length: Math.min(typed.length, MAX_ITEMS) }, (_, i) =>
      render(typed[i], depth + 1, seen, options, true),
    );
    if (typed.length > MAX_ITEMS) shown.push(`... ${typed.length - MAX_ITEMS} more items`);
    return wrap(`${typed.constructor.name}(${typed.length}) `, '[', ']', shown, depth);
  }

  if (depth > maxDepth) {
    if (Array.isArray(object)) return '[Array]';
    return `[${constructorName(object) ?? 'Object'}]`;
  }

  seen.push(object);
  try {
    if (Array.isArray(object)) return renderArray(object as unknown[], depth, seen, options);
    if (object instanceof Map) {
      const items: string[] = [];
      for (const [k, v] of object) {
        if (items.length >= MAX_ITEMS) {
          items.push(`... ${object.size - MAX_ITEMS} more items`);
          break;
        }
        items.push(`${render(k, depth + 1, seen, options, true)} => ${render(v, depth + 1, seen, options, true)}`);
      }
      return wrap(`Map(${object.size}) `, '{', '}', items, depth);
    }
    if (object instanceof Set) {
      const items: string[] = [];
      for (const v of object) {
        if (items.length >= MAX_ITEMS) {
          items.push(`... ${object.size - MAX_ITEMS} more items`);
          break;
        }
        items.push(render(v, depth + 1, seen, options, true));
      }
      return wrap(`Set(${object.size}) `, '{', '}', items, depth);
    }
    return renderObject(object, depth, seen, options);
  } finally {
    seen.pop();
  }
}

function renderArray(array: unknown[], depth: number, seen: object[], options: InspectOptions): string {
  const items: string[] = [];
  let holes = 0;
  const flushHoles = () => {
    if (holes > 0) items.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
    holes = 0;
  };
  const shown = Math.min(array.length, MAX_ITEMS);
  for (let i = 0; i < shown; i++) {
    if (!(i in array)) {
      holes++;
      continue;
    }
    flushHoles();
    items.push(render(array[i], depth + 1, seen, options, true));
  }
  flushHoles();
  if (array.length > MAX_ITEMS) items.push(`... ${array.length - MAX_ITEMS} more items`);
  return wrap('', '[', ']', items, depth);
}

function renderObject(object: object, depth: number, seen: object[], options: InspectOptions): string {
  const keys = Object.keys(object);
  const items: string[] = [];
  for (const key of keys.slice(0, MAX_ITEMS)) {
    let shown: string;
    try {
      shown = render((object as Record<string, unknown>)[key], depth + 1, seen, options, true);
    } catch {
      shown = '[Getter threw]';
    }
    items.push(`${renderKey(key)}: ${shown}`);
  }
  if (keys.length > MAX_ITEMS) items.push(`... ${keys.length - MAX_ITEMS} more properties`);
  for (const symbol of Object.getOwnPropertySymbols(object).slice(0, 10)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, symbol);
    if (descriptor?.enumerable)
      items.push(`[${symbol.toString()}]: ${render(descriptor.value, depth + 1, seen, options, true)}`);
  }
  const name = constructorName(object);
  const prefix = name === undefined ? '[Object: null prototype] ' : name === 'Object' ? '' : `${name} `;
  if (items.length === 0) return `${prefix}{}`;
  return wrap(prefix, '{', '}', items, depth);
}

function renderError(error: Error, depth: number, seen: object[], options: InspectOptions): string {
  const stack = typeof error.stack === 'string' && error.stack.length > 0 ? error.stack : `${error.name}: ${error.message}`;
  let text = options.mapStack ? options.mapStack(stack) : stack;
  // The stack's first line holds name and message as they were at creation.
  const headline = `${error.name}: ${error.message}`;
  if (!text.startsWith(headline) && error.message) text = `${headline}\n${text.split('\n').slice(1).join('\n')}`.trimEnd();
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && depth <= MAX_DEPTH) {
    seen.push(error);
    text += `\n  [cause]: ${render(cause, depth + 1, seen, options, true)}`;
    seen.pop();
  }
  return text;
}

function wrap(prefix: string, open: string, close: string, items: string[], depth: number): string {
  if (items.length === 0) return `${prefix}${open}${close}`;
  const single = `${prefix}${open} ${items.join(', ')} ${close}`;
  if (single.length <= LINE_WIDTH && !single.includes('\n')) return single;
  const indent = '  '.repeat(depth + 1);
  const inner = items.map((item) => indent + item.replace(/\n/g, `\n${indent}`)).join(',\n');
  return `${prefix}${open}\n${inner}\n${'  '.repeat(depth)}${close}`;
}

function renderKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function quote(text: string): string {
  const escaped = truncate(text).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/'/g, "\\'");
  return `'${escaped}'`;
}

function truncate(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… (${text.length - MAX_STRING} more characters)` : text;
}

function constructorName(object: object): string | undefined {
  const proto = Object.getPrototypeOf(object) as { constructor?: { name?: unknown } } | null;
  if (proto === null) return undefined;
  const name = proto.constructor?.name;
  return typeof name === 'string' && name.length > 0 ? name : 'Object';
}

function describeFunction(fn: (...args: unknown[]) => unknown): string {
  const source = Function.prototype.toString.call(fn);
  const name = fn.name ? `: ${fn.name}` : ' (anonymous)';
  if (source.startsWith('class')) return `[class ${fn.name || '(anonymous)'}]`;
  return `[Function${name}]`;
}
