/**
 * Labelled outcomes (jcstress's tables): a playground declares what its
 * outcomes mean, and Run ×N and Explore show each outcome they saw with its
 * label and description. This is the one place that says which declaration
 * an outcome falls under; the views only draw the answer.
 *
 * An outcome is named as Run ×N has always counted it: the last line a run
 * printed on `log`/`info` when it ended `done` (`(no output)` when none),
 * else its end state in parentheses: `(deadlock)`, `(error)`, `(timeout)`,
 * `(no-progress)`… A declaration's keys use the same names, plus `*` for any
 * outcome no other key names.
 */

/** jcstress's vocabulary (acceptable, interesting, forbidden), plus the one answer a correct program gives. */
export const OUTCOME_LABELS = ['expected', 'acceptable', 'interesting', 'forbidden'] as const;
export type OutcomeLabel = (typeof OUTCOME_LABELS)[number];

/** What one outcome means. */
export interface OutcomeMeaning {
  label: OutcomeLabel;
  /** What the outcome means, in one short sentence. */
  text: string;
  /**
   * The same outcome's last line in the small version Explore runs (the
   * snippet's `exploring` sizes): `count = 4` for `count = 400000`. Without
   * it, the key itself is matched in Explore too.
   */
  exploring?: string;
}

/** A playground's `outcomes` prop: an exact last line, an end state in parentheses, or `*`, to its meaning. */
export type OutcomeDeclaration = Readonly<Record<string, OutcomeMeaning>>;

/** The key for any outcome that no other key names. */
export const ANY_OTHER = '*';

/** End states a key can name, as `(state)`: a real run's and an explored execution's. */
const RUN_STATES = ['deadlock', 'error', 'stopped', 'timeout'] as const;
const EXPLORE_STATES = ['deadlock', 'error', 'no-progress', 'assert', 'check'] as const;
export const STATE_KEYS: readonly string[] = [...new Set([...RUN_STATES, ...EXPLORE_STATES])].map((s) => `(${s})`);

/** Where outcomes come from: real runs (Run ×N) or explored executions (Explore, the small version). */
export type OutcomeSource = 'run' | 'explore';

/** The name of an outcome: its last line when it ended `done`, else its end state in parentheses. */
export function outcomeName(state: string, lastLine: string | undefined): string {
  if (state === 'done') return lastLine || '(no output)';
  return `(${state})`;
}

/**
 * A real run's outcome. The runtime ends a deadlocked run as `error` with
 * kind `deadlock`; it is named `(deadlock)`, as Explore names it, so one key
 * labels the deadlock in both.
 */
export function runOutcomeName(state: string, lastLine: string | undefined, errorKind?: string): string {
  return outcomeName(state === 'error' && errorKind === 'deadlock' ? 'deadlock' : state, lastLine);
}

/** The declaration an outcome falls under, with the key that matched. */
export interface LabelledOutcome extends OutcomeMeaning {
  key: string;
}

/** The name a key's outcome has for `source`: its `exploring` line in Explore. */
function keyName(key: string, meaning: OutcomeMeaning, source: OutcomeSource): string {
  return source === 'explore' && meaning.exploring !== undefined ? meaning.exploring : key;
}

/** What `outcome` (a name, see outcomeName) means under `declaration`, or undefined when nothing covers it. */
export function labelOf(
  declaration: OutcomeDeclaration | undefined,
  outcome: string,
  source: OutcomeSource,
): LabelledOutcome | undefined {
  if (!declaration) return undefined;
  for (const [key, meaning] of Object.entries(declaration)) {
    if (key !== ANY_OTHER && keyName(key, meaning, source) === outcome) return { key, ...meaning };
  }
  const other = declaration[ANY_OTHER];
  return other ? { key: ANY_OTHER, ...other } : undefined;
}

/**
 * The declared outcomes none of `seen` fell under, as the rows a table shows
 * with a count of 0: "the right answer never came". Keys naming an end state
 * that `source` cannot produce (a timeout in Explore) are left out.
 */
export function unseenOutcomes(
  declaration: OutcomeDeclaration | undefined,
  seen: Iterable<string>,
  source: OutcomeSource,
): { name: string; meaning: LabelledOutcome }[] {
  if (!declaration) return [];
  const matched = new Set<string>();
  for (const outcome of seen) {
    const label = labelOf(declaration, outcome, source);
    if (label) matched.add(label.key);
  }
  const states: readonly string[] = source === 'run' ? RUN_STATES : EXPLORE_STATES;
  const rows: { name: string; meaning: LabelledOutcome }[] = [];
  for (const [key, meaning] of Object.entries(declaration)) {
    if (matched.has(key)) continue;
    if (STATE_KEYS.includes(key) && !states.includes(key.slice(1, -1))) continue;
    rows.push({ name: key === ANY_OTHER ? 'any other outcome' : keyName(key, meaning, source), meaning: { key, ...meaning } });
  }
  return rows;
}

/**
 * Problems with a declaration, in words (empty when it is sound). The site
 * checks every playground's prop with it at build time, so a typo in a label
 * or an empty description fails the build; the page trusts what it was given.
 */
export function declarationProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['outcomes must be an object of outcome → { label, text }'];
  const problems: string[] = [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) problems.push('outcomes declares no outcome');
  for (const [key, meaning] of entries) {
    const where = `outcome "${key}"`;
    if (key.trim() === '' || key !== key.trim()) problems.push(`${where}: a key is a last line exactly as printed (no surrounding spaces), an end state such as "(deadlock)", or "*"`);
    if (key.startsWith('(') && key.endsWith(')') && key !== '(no output)' && !STATE_KEYS.includes(key)) {
      problems.push(`${where}: no such end state; use one of ${STATE_KEYS.join(', ')}`);
    }
    if (typeof meaning !== 'object' || meaning === null) {
      problems.push(`${where}: give { label, text }`);
      continue;
    }
    const { label, text, exploring, ...rest } = meaning as Record<string, unknown>;
    if (!OUTCOME_LABELS.includes(label as OutcomeLabel)) problems.push(`${where}: label ${JSON.stringify(label)} is not one of ${OUTCOME_LABELS.join(', ')}`);
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${where}: text must say what the outcome means`);
    if (exploring !== undefined && (typeof exploring !== 'string' || exploring.trim() === '')) problems.push(`${where}: exploring must be the small version's last line`);
    if (exploring !== undefined && (key === ANY_OTHER || STATE_KEYS.includes(key))) problems.push(`${where}: only a last line has an exploring line`);
    for (const extra of Object.keys(rest)) problems.push(`${where}: unknown field "${extra}" (label, text, exploring)`);
  }
  return problems;
}
