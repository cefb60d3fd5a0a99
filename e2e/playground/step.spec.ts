import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { openPlayground } from './helpers';

/**
 * Step mode (design/explorer.md §3, §4, §6; issue 13): the learner is the
 * scheduler. A known interleaving of the lost update is driven button by
 * button and the lost update is seen in the shared state and the output;
 * Back, Reset, Random to end, a schedule link and Next, Explore's failure,
 * a deadlock's blocked lanes and holders, a schedule that no longer fits, and
 * axe on the panel in both themes. The engine is src/runtime/explorer/step.ts;
 * here it is held to what the page shows.
 */

/** 2 workers × 1 increment: `shared[0]++` is a read step and a write step. */
const LOST_UPDATE = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) {
  shared[0]++;
}
const tasks = [spawn(add, shared), spawn(add, shared)];
await Promise.all(tasks.map((t) => t.join()));
console.log(\`count = \${shared[0]}\`);
console.assert(shared[0] === 2, "an update was lost");
`;

/** Two mutexes taken in opposite orders. */
const DEADLOCK = `import { spawn, Mutex } from "racecourse";
const a = new Mutex({ name: "A" });
const b = new Mutex({ name: "B" });
function first(a: Mutex, b: Mutex) { a.lock(); b.lock(); b.unlock(); a.unlock(); }
function second(a: Mutex, b: Mutex) { b.lock(); a.lock(); a.unlock(); b.unlock(); }
const one = spawn(first, a, b);
const two = spawn(second, a, b);
await one.join();
await two.join();
console.log("both done");
`;

/** A channel that fills before anyone receives. */
const CHANNEL = `import { Channel } from "racecourse";
const jobs = new Channel<number>(4, "jobs");
await jobs.send(1);
await jobs.send(2);
console.log(await jobs.recv());
`;

/** One worker only: a lost-update schedule that names worker-2 cannot fit it. */
const ONE_WORKER = `import { spawn } from "racecourse";
const shared = new Int32Array(new SharedArrayBuffer(4));
function add(shared: Int32Array) {
  shared[0]++;
}
await spawn(add, shared).join();
console.log(\`count = \${shared[0]}\`);
`;

const scheduler = (playground: Locator) => playground.getByRole('group', { name: 'Scheduler' });
const sharedState = (playground: Locator) => playground.getByRole('region', { name: 'Shared state' });
const stepOutput = (playground: Locator) => playground.getByRole('log', { name: 'Output' });
const control = (playground: Locator, name: string) => scheduler(playground).getByRole('button', { name, exact: true });
/** A lane's button for its next operation (not one of its events, which read `Step <lane>: …`). */
const laneButton = (playground: Locator, lane: string) =>
  scheduler(playground).getByRole('button', { name: new RegExp(`^Step ${lane} · `) });
const cell = (playground: Locator, array: string, index: number) =>
  sharedState(playground).getByRole('table', { name: array }).locator(`td[data-index="${index}"]`);

async function stepCount(playground: Locator): Promise<number> {
  return Number(await scheduler(playground).getAttribute('data-step'));
}

/** Presses a button of the scheduler and checks that exactly one step was taken. */
async function press(playground: Locator, button: Locator): Promise<void> {
  const before = await stepCount(playground);
  await button.click();
  await expect(scheduler(playground)).toHaveAttribute('data-step', String(before + 1));
}

/** Steps `lane` until its next operation matches `op` (spawns and "starts add" come first). */
async function stepUntil(playground: Locator, lane: string, op: RegExp): Promise<Locator> {
  const button = laneButton(playground, lane);
  for (let i = 0; i < 10; i++) {
    await expect(button).toBeVisible();
    if (op.test((await button.getAttribute('data-op')) ?? '')) return button;
    await press(playground, button);
  }
  throw new Error(`${lane} never reached ${op}`);
}

/** Presses the first choice until the execution ends. */
async function finish(playground: Locator): Promise<void> {
  for (let i = 0; i < 40 && !(await scheduler(playground).getAttribute('data-ended')); i++) {
    await press(playground, scheduler(playground).locator('button.pg-choice').first());
  }
  await expect(scheduler(playground)).toHaveAttribute('data-ended', /.+/);
}

async function enterStepMode(page: Page, code: string): Promise<Locator> {
  const playground = await openPlayground(page, code);
  await playground.getByRole('button', { name: 'Step through', exact: true }).click();
  await expect(playground).toHaveAttribute('data-mode', 'step');
  await expect(scheduler(playground)).toHaveAttribute('data-step', '0');
  await expect(scheduler(playground).locator('button.pg-choice').first()).toBeVisible();
  return playground;
}

/** main steps for as long as its next operation is a spawn. */
async function spawnAll(playground: Locator): Promise<void> {
  const main = laneButton(playground, 'main');
  while ((await main.count()) > 0 && /^spawn /.test((await main.getAttribute('data-op')) ?? '')) await press(playground, main);
}

/** main spawns both workers, and each worker stands at its read of shared[0]. */
async function upToTheReads(playground: Locator): Promise<void> {
  await spawnAll(playground);
  await stepUntil(playground, 'worker-1', /^read shared\[0\]$/);
  await stepUntil(playground, 'worker-2', /^read shared\[0\]$/);
}

test('without script there is no Step through button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Step through' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Scheduler' })).toHaveCount(0);
  await context.close();
});

test('the lost update by hand: both workers read 0, both write 1, and the shared cell and the output show 1', async ({ page }) => {
  const playground = await enterStepMode(page, LOST_UPDATE);
  // The run's read-outs are not shown, and nothing ran for real.
  await expect(playground.locator('[data-part="readouts"]')).toBeHidden();
  await expect(playground).toHaveAttribute('data-state', 'idle');
  await expect(sharedState(playground)).toBeVisible();
  await expect(control(playground, 'Back')).toBeDisabled();
  await expect(control(playground, 'Next')).toBeDisabled();

  // main spawns the two workers; every press is exactly one step. The focus came to the scheduler.
  const main = laneButton(playground, 'main');
  await expect(main).toBeFocused();
  await expect(main).toHaveAttribute('data-op', 'spawn add as worker-1');
  await expect(main).toHaveAttribute('data-line', '6');
  await expect(main).toContainText('main · line 6 · spawn add as worker-1');
  // main's next line is marked in the code, with its name.
  await expect(playground.locator('[data-part="code"] .line[data-step-lanes="main"]')).toContainText('const tasks');
  await press(playground, main);
  await expect(playground.locator('[data-part="announcer"]')).toHaveText('main spawned add as worker-1.');
  await upToTheReads(playground);
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-value', '0');

  const worker1 = laneButton(playground, 'worker-1');
  const worker2 = laneButton(playground, 'worker-2');
  await expect(worker1).toHaveAttribute('data-line', '4');
  await press(playground, worker1);
  await expect(playground.locator('[data-part="announcer"]')).toHaveText('worker-1 read 0 from shared[0].');
  await press(playground, worker2);
  await expect(playground.locator('[data-part="announcer"]')).toHaveText('worker-2 read 0 from shared[0].');
  // The focus stayed on the lane's own button, made anew.
  await expect(worker2).toBeFocused();

  await expect(worker1).toHaveAttribute('data-op', 'write shared[0] ← 1');
  await press(playground, worker1);
  await expect(playground.locator('[data-part="announcer"]')).toHaveText('worker-1 wrote 1 to shared[0].');
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-value', '1');
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-changed', 'true');
  await expect(cell(playground, 'shared', 0)).toContainText('changed');

  // Back undoes exactly that write, and the cell shows 0 again; the same press redoes it.
  const atWrite = await stepCount(playground);
  await control(playground, 'Back').click();
  await expect(scheduler(playground)).toHaveAttribute('data-step', String(atWrite - 1));
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-value', '0');
  await expect(playground.locator('[data-part="announcer"]')).toHaveText(`Back to step ${atWrite - 1}.`);
  await press(playground, worker1);
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-value', '1');

  await expect(worker2).toHaveAttribute('data-op', 'write shared[0] ← 1');
  await press(playground, worker2);
  await expect(playground.locator('[data-part="announcer"]')).toHaveText('worker-2 wrote 1 to shared[0].');
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-value', '1');

  // The rest: main joins both and prints. The update was lost: 1, not 2.
  await finish(playground);
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-value', '1');
  await expect(stepOutput(playground)).toContainText('count = 1');
  await expect(scheduler(playground)).toHaveAttribute('data-ended', 'assert');
  await expect(scheduler(playground)).toContainText('console.assert failed');
  await expect(scheduler(playground).locator('button.pg-choice')).toHaveCount(0);
  await expect(control(playground, 'Random to end')).toBeDisabled();
  // The timeline counts steps: one filled cell per step.
  const steps = await stepCount(playground);
  await expect(playground.getByRole('img', { name: 'Timeline' }).locator('.pg-step-cell')).toHaveCount(steps);
  await expect(playground.locator('.pg-step-words li')).toHaveCount(steps);
  // The focus, on a lane button that went away at the end, landed on a control rather than the page.
  await expect(scheduler(playground).getByRole('button').and(page.locator(':focus'))).toHaveCount(1);

  // Share in Step mode: the link carries the schedule.
  const taken = (await scheduler(playground).getAttribute('data-schedule'))!;
  await playground.getByRole('group', { name: /: controls$/ }).getByRole('button', { name: 'Share' }).click();
  const link = await playground.locator('[data-part="share-url"]').inputValue();
  expect(link).toContain('#code=');
  expect(link).toContain(`&schedule=${encodeURIComponent(taken)}`);

  // Reset goes back to step 0 and keeps that schedule: Next follows it to the same end.
  await control(playground, 'Reset').click();
  await expect(scheduler(playground)).toHaveAttribute('data-step', '0');
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-value', '0');
  await expect(stepOutput(playground)).not.toContainText('count =');
  await expect(control(playground, 'Next')).toBeEnabled();
  await expect(scheduler(playground).locator('button[data-next="true"]')).toHaveCount(1);
});

test('a schedule link opens in Step mode at step 0 with nothing run, and Next follows it to the same end', async ({ page }) => {
  // The schedule of the lost update above, made by hand.
  const playground = await enterStepMode(page, LOST_UPDATE);
  await press(playground, laneButton(playground, 'main'));
  await upToTheReads(playground);
  for (const lane of ['worker-1', 'worker-2', 'worker-1', 'worker-2']) await press(playground, laneButton(playground, lane));
  await finish(playground);
  const schedule = (await scheduler(playground).getAttribute('data-schedule'))!;
  const steps = await stepCount(playground);
  await playground.getByRole('button', { name: 'Share' }).click();
  const link = await playground.locator('[data-part="share-url"]').inputValue();

  await page.goto('about:blank');
  await page.goto(link);
  const opened = page.locator('[data-playground]');
  await expect(opened).toHaveAttribute('data-mode', 'step');
  await expect(scheduler(opened)).toHaveAttribute('data-step', '0');
  await expect(scheduler(opened)).toHaveAttribute('data-loaded', schedule);
  // Next is one button, whatever else the scheduler's buttons say.
  await expect(opened.getByRole('button', { name: 'Next' })).toHaveCount(1);
  await expect(scheduler(opened).locator('button.pg-choice[data-next="true"]')).toHaveCount(1);
  await expect(opened).toHaveAttribute('data-state', 'idle');
  await expect(stepOutput(opened)).not.toContainText('count');
  await expect(cell(opened, 'shared', 0)).toHaveAttribute('data-value', '0');

  // Next, from the keyboard: each press one step, along the loaded schedule.
  await control(opened, 'Next').focus();
  for (let i = 1; i <= steps; i++) {
    await page.keyboard.press('Enter');
    await expect(scheduler(opened)).toHaveAttribute('data-step', String(i));
  }
  await expect(scheduler(opened)).toHaveAttribute('data-schedule', schedule);
  await expect(control(opened, 'Next')).toBeDisabled();
  await expect(cell(opened, 'shared', 0)).toHaveAttribute('data-value', '1');
  await expect(stepOutput(opened)).toContainText('count = 1');
  // The focus left the disabled Next for a control still enabled.
  await expect(control(opened, 'Back')).toBeFocused();

  // Run leaves Step mode, and the run's read-outs come back.
  await opened.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(opened).toHaveAttribute('data-mode', 'run');
  await expect(scheduler(opened)).toBeHidden();
  await expect(opened.locator('[data-part="code"] .line[data-step-lanes]')).toHaveCount(0);
  await expect(opened).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
});

test('Random to end finishes the execution, and Back steps back from there', async ({ page }) => {
  const playground = await enterStepMode(page, LOST_UPDATE);
  await control(playground, 'Random to end').click();
  await expect(scheduler(playground)).toHaveAttribute('data-ended', /.+/);
  await expect(stepOutput(playground)).toContainText(/count = [12]/);
  await expect(control(playground, 'Random to end')).toBeDisabled();
  await expect(playground.locator('[data-part="announcer"]')).toContainText('Ran to the end with random choices');
  const end = await stepCount(playground);
  expect(end).toBeGreaterThan(8);
  await control(playground, 'Back').click();
  await expect(scheduler(playground)).toHaveAttribute('data-step', String(end - 1));
  await expect(scheduler(playground)).not.toHaveAttribute('data-ended');
  await expect(control(playground, 'Next')).toBeEnabled();
});

test('Explore’s failure opens in Step mode at step 0, and Next follows it to the failure', async ({ page }) => {
  const playground = await openPlayground(page, LOST_UPDATE);
  await playground.getByRole('button', { name: 'Explore', exact: true }).click();
  const readout = playground.getByRole('status', { name: 'Exploration' });
  await expect(readout).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
  const failure = (await readout.getAttribute('data-schedule'))!;
  expect(failure).toBeTruthy();
  await readout.getByRole('button', { name: 'Step through the failure' }).click();
  await expect(playground).toHaveAttribute('data-mode', 'step');
  await expect(readout).toBeHidden();
  await expect(scheduler(playground)).toHaveAttribute('data-step', '0');
  await expect(scheduler(playground)).toHaveAttribute('data-loaded', failure);
  await expect(control(playground, 'Next')).toBeEnabled();
  // The failure's button went with the read-out; the focus went to Next.
  await expect(control(playground, 'Next')).toBeFocused();
  for (let i = 0; i < 40 && (await control(playground, 'Next').isEnabled()); i++) {
    await press(playground, control(playground, 'Next'));
  }
  await expect(scheduler(playground)).toHaveAttribute('data-schedule', failure);
  await expect(scheduler(playground)).toHaveAttribute('data-ended', 'assert');
  await expect(stepOutput(playground)).toContainText('count = 1');
});

test('a deadlock stepped into: each lane holds one mutex and waits for the other', async ({ page }) => {
  const playground = await enterStepMode(page, DEADLOCK);
  await spawnAll(playground);
  await press(playground, await stepUntil(playground, 'worker-1', /^lock mutex A$/));
  await press(playground, await stepUntil(playground, 'worker-2', /^lock mutex B$/));
  // Each now wants the other's mutex: nobody can move.
  await expect(scheduler(playground)).toHaveAttribute('data-ended', 'deadlock');
  await expect(scheduler(playground)).toContainText('Deadlock');
  const blocked = scheduler(playground).getByRole('list', { name: 'Waiting lanes' });
  await expect(blocked.locator('li[data-lane="worker-1"]')).toHaveAttribute('data-blocked-on', /^mutex B/);
  await expect(blocked.locator('li[data-lane="worker-1"]')).toContainText('worker-1 waits at line 4 for mutex B, held by worker-2');
  await expect(blocked.locator('li[data-lane="worker-2"]')).toHaveAttribute('data-blocked-on', /^mutex A/);
  const locks = sharedState(playground).getByRole('list', { name: 'Locks and channels' }).getByRole('listitem');
  await expect(locks.filter({ hasText: 'mutex A' })).toHaveAttribute('data-holder', 'worker-1');
  await expect(locks.filter({ hasText: 'mutex B' })).toHaveAttribute('data-holder', 'worker-2');
  // Back frees mutex B again.
  await control(playground, 'Back').click();
  await expect(locks.filter({ hasText: 'mutex B' })).toHaveAttribute('data-holder', '');
  await expect(scheduler(playground)).not.toHaveAttribute('data-ended');
});

test('a schedule that no longer fits the code says so, keeps the code, and offers to start fresh', async ({ page }) => {
  const playground = await enterStepMode(page, LOST_UPDATE);
  await control(playground, 'Random to end').click();
  await expect(scheduler(playground)).toHaveAttribute('data-ended', /.+/);
  await control(playground, 'Reset').click();
  await expect(scheduler(playground)).toHaveAttribute('data-step', '0');

  // The code changes under the loaded schedule: one worker where it names two.
  await playground.evaluate((root, code) => (root as unknown as { replaceCode(c: string, m: string): void }).replaceCode(code, 'Replaced.'), ONE_WORKER);
  const message = playground.locator('[data-part="step-message"]');
  await expect(message).toContainText('no longer fits', { timeout: 10_000 });
  await expect(playground.locator('[data-part="code"]')).toContainText('await spawn(add, shared).join();');
  await message.getByRole('button', { name: 'Start fresh' }).click();
  await expect(message).toBeEmpty();
  await expect(scheduler(playground)).toHaveAttribute('data-step', '0');
  await expect(scheduler(playground)).not.toHaveAttribute('data-loaded');
  await finish(playground);
  await expect(stepOutput(playground)).toContainText('count = 1');
});

test('in the editor, each lane’s next line is marked, and an edit shows the same step again on the new code', async ({ page }) => {
  const playground = await enterStepMode(page, LOST_UPDATE);
  await press(playground, laneButton(playground, 'main'));
  await upToTheReads(playground);
  await press(playground, laneButton(playground, 'worker-1'));
  const at = await stepCount(playground);
  await playground.getByRole('button', { name: 'Edit' }).click();
  await expect(playground.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
  // Both workers stand at line 4 (read done by worker-1, write next; worker-2's read next), main waits at line 7.
  const marked = playground.locator('.monaco-editor .pg-mark-line');
  await expect(marked).toHaveCount(2);
  await expect(playground.locator('.monaco-editor .pg-mark-label').filter({ hasText: 'worker-1, worker-2' })).toHaveCount(1);
  await expect(playground.locator('.monaco-editor .pg-mark-label').filter({ hasText: 'main' })).toHaveCount(1);

  // A comment added at the end: the same step on the new code, the marks kept.
  await playground.locator('.monaco-editor .view-line').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// edited in step mode');
  await expect(playground.locator('[data-part="announcer"]')).toHaveText(`The code changed; shown again at step ${at}.`, { timeout: 10_000 });
  await expect(scheduler(playground)).toHaveAttribute('data-step', String(at));
  await expect(cell(playground, 'shared', 0)).toHaveAttribute('data-value', '0');
  await expect(marked).toHaveCount(2);

  // Leaving Step mode takes the marks away.
  await playground.getByRole('button', { name: 'Explore', exact: true }).click();
  await expect(playground).toHaveAttribute('data-mode', 'explore');
  await expect(marked).toHaveCount(0);
  await expect(scheduler(playground)).toBeHidden();
});

test('on a narrow touch screen the buttons stay large enough to tap, and the light editor says each lane’s next line', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  const playground = await enterStepMode(page, LOST_UPDATE);
  await press(playground, laneButton(playground, 'main'));
  await spawnAll(playground);
  // Every lane button and control is at least 44 px tall, and no wider than the playground.
  const width = (await playground.boundingBox())!.width;
  const buttons = scheduler(playground).getByRole('button');
  expect(await buttons.count()).toBeGreaterThanOrEqual(6);
  for (const button of await buttons.all()) {
    const box = (await button.boundingBox())!;
    expect(box.height, await button.innerText()).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeLessThanOrEqual(width);
  }
  // The panel stacks: the shared state comes below the scheduler, not beside it.
  const schedulerBox = (await scheduler(playground).boundingBox())!;
  expect((await sharedState(playground).boundingBox())!.y).toBeGreaterThan(schedulerBox.y + schedulerBox.height - 1);

  await playground.getByRole('button', { name: 'Edit' }).click();
  await expect(playground.getByRole('textbox', { name: /code editor/ })).toBeVisible();
  const marks = playground.locator('.pg-light-marks');
  await expect(marks).toContainText('worker-1: line 6');
  await expect(marks).toContainText('worker-2: line 6');
  await press(playground, laneButton(playground, 'worker-1'));
  await expect(marks).toContainText('worker-1: line 4');
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(marks).toBeHidden();
  await context.close();
});

test('a channel shows how many items it holds, and which', async ({ page }) => {
  const playground = await enterStepMode(page, CHANNEL);
  const jobs = sharedState(playground).locator('li[data-kind="channel"]');
  await expect(jobs).toHaveAttribute('data-items', '0');
  await press(playground, laneButton(playground, 'main'));
  await expect(jobs).toHaveAttribute('data-items', '1');
  await press(playground, laneButton(playground, 'main'));
  await expect(jobs).toHaveAttribute('data-items', '2');
  await expect(jobs).toContainText('2 of 4: 1, 2');
  await finish(playground);
  await expect(stepOutput(playground)).toContainText('1');
  await expect(jobs).toHaveAttribute('data-items', '1');
});

test('code with a syntax error says where in the panel, keeps the code, and steps once it is fixed', async ({ page }) => {
  const broken = LOST_UPDATE.replace('function add(shared: Int32Array) {', 'function add(shared: Int32Array {');
  const playground = await openPlayground(page, broken);
  await playground.getByRole('button', { name: 'Step through', exact: true }).click();
  const message = playground.locator('[data-part="step-message"]');
  await expect(message).toHaveAttribute('role', 'status');
  await expect(message).toContainText(/line 3/);
  await expect(message).toContainText('Your code is unchanged.');
  await expect(playground.locator('[data-part="code"]')).toContainText('function add(shared: Int32Array {');
  await expect(scheduler(playground).locator('button.pg-choice')).toHaveCount(0);
  await expect(sharedState(playground)).toHaveText(/Nothing shared yet\./);
  await playground.evaluate((root, code) => (root as unknown as { replaceCode(c: string, m: string): void }).replaceCode(code, 'Fixed.'), LOST_UPDATE);
  await expect(laneButton(playground, 'main')).toBeVisible({ timeout: 10_000 });
  await expect(message).toBeEmpty();
});

test('a data race is listed once its second access is taken, and Back takes it away', async ({ page }) => {
  const playground = await enterStepMode(page, LOST_UPDATE);
  const races = playground.getByRole('list', { name: 'Data races' });
  await upToTheReads(playground);
  await press(playground, laneButton(playground, 'worker-1'));
  await press(playground, laneButton(playground, 'worker-2'));
  // Two reads do not conflict.
  await expect(races).toHaveCount(0);
  await press(playground, laneButton(playground, 'worker-1'));
  const item = races.getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-lines', '4 4');
  await expect(item).toHaveText('Data race on shared[0]: worker-2 reads it at line 4, worker-1 writes it at line 4, and nothing orders the two.');
  await press(playground, laneButton(playground, 'worker-2'));
  await expect(item).toHaveCount(2);
  for (const left of [1, 0]) {
    const before = await stepCount(playground);
    await control(playground, 'Back').click();
    await expect(scheduler(playground)).toHaveAttribute('data-step', String(before - 1));
    await expect(item).toHaveCount(left);
  }
  await expect(races).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the step panel mid-lost-update has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const playground = await enterStepMode(page, LOST_UPDATE);
    await press(playground, laneButton(playground, 'main'));
    await upToTheReads(playground);
    await press(playground, laneButton(playground, 'worker-1'));
    await press(playground, laneButton(playground, 'worker-2'));
    await press(playground, laneButton(playground, 'worker-1'));
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    // The data race of those three steps is listed, so axe checks the list too.
    await expect(playground.getByRole('list', { name: 'Data races' }).getByRole('listitem')).toHaveCount(1);
    await playground.locator('.pg-step-words summary').click();
    const results = await new AxeBuilder({ page }).include('[data-playground]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
