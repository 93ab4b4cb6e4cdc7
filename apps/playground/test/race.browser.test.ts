// The playground's race, MNIST task, network drawing and formula box, in Debian's headless
// Chromium (as playground.browser.test.ts): built, served by a plain file server, every request off
// it refused. SYNTHGRAD_SKIP_BROWSER_TESTS=1 skips it; SYNTHGRAD_PLAYGROUND_SCREENSHOT=path saves
// the README's screenshot of a race.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlayground, recordReports, reportsOf, run, statusOf, waitAccuracyOrStep, waitReady, type PlaygroundBrowser } from './browserPage.js';

const SKIP = process.env.SYNTHGRAD_SKIP_BROWSER_TESTS === '1';
const SCREENSHOT = process.env.SYNTHGRAD_PLAYGROUND_SCREENSHOT;
/** Steps both runs of a race must pass while racing (two report slices at least). */
const RACE_STEPS = 400;
/**
 * MNIST: chance is 10% of the 500 held-out images; 50% is 37 standard deviations above it. The
 * default DNI run (cDNI, one ReLU layer of 128) passes it in about 100 steps in Node; the bound is 6×.
 */
const MNIST_ABOVE_CHANCE = 0.5;
const MNIST_STEP_BOUND = 600;
/** Binary addition: 55% of 8,000 held-out bits is 9 standard deviations above chance (50%). */
const ABOVE_CHANCE = 0.55;

const field = (index: number, name: string) => `${run(index)} [name=${name}]`;

/** Types a value into a run's field and leaves it, as a visitor does (the change event). */
async function setField(page: Page, index: number, name: string, value: string): Promise<void> {
  await page.fill(field(index, name), value);
  await page.press(field(index, name), 'Tab');
}

describe.skipIf(SKIP)('runs racing, the MNIST task, the network drawn, the formula box', () => {
  let site: PlaygroundBrowser;

  beforeAll(async () => {
    site = await launchPlayground();
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('races two runs from a link: each in its own panel, both progress, both on every chart', async () => {
    const page = await site.open('#trainer=dni&generatorInput=layer-output,labels&run2.trainer=backprop&run2.learningRate=1');
    await waitReady(page, 2);
    expect(await page.$$eval('.run', (runs) => runs.length)).toBe(2);
    expect(await page.$eval(field(0, 'trainer'), (el) => (el as HTMLSelectElement).value)).toBe('dni');
    expect(await page.$eval(field(1, 'trainer'), (el) => (el as HTMLSelectElement).value)).toBe('backprop');
    expect(await page.$eval(field(1, 'learningRate'), (el) => (el as HTMLInputElement).value)).toBe('1');
    // The same colour names a run on its panel and in the legend; the two runs' colours differ.
    const colours = await page.$$eval('.run', (runs) => runs.map((r) => getComputedStyle(r).borderTopColor));
    expect(new Set(colours).size).toBe(2);

    await page.click('#play');
    await page.waitForFunction(
      (n) => [...document.querySelectorAll<HTMLElement>('.run .status')].every((s) => Number(s.dataset.step) > n),
      RACE_STEPS,
      { timeout: 120_000, polling: 200 },
    );
    const [first, second] = [await statusOf(page, 0), await statusOf(page, 1)];
    expect(first.running && second.running).toBe(true);
    expect(first.accuracy).toBeGreaterThan(0);
    expect(second.accuracy).toBeGreaterThan(0);
    const legends = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => [...f.querySelectorAll('.u-legend .u-series th')].map((th) => th.textContent!.trim())),
    );
    expect(legends[0]).toEqual(expect.arrayContaining(['run 1: train', 'run 1: test', 'run 2: train', 'run 2: test']));
    expect(legends[1]).toEqual(expect.arrayContaining(['run 1: steps', 'run 2: steps']));
    // Only run 1 has generators: the alignment chart shows its two layers, and none of run 2.
    expect(legends[2]).toEqual(expect.arrayContaining(['run 1: layer 1', 'run 1: layer 2']));
    expect(legends[2].some((label) => label.startsWith('run 2'))).toBe(false);
    if (SCREENSHOT) {
      // Longer curves for the picture.
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.run .status')].every((s) => Number(s.dataset.step) > 3000), undefined, { timeout: 200_000 });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    }
    await page.click('#pause');

    // A third run starts as a copy of the last; the URL then holds all three, and a link rebuilds them.
    await page.click('#add-run');
    await waitReady(page, 3);
    await setField(page, 2, 'batchSize', '25');
    await page.waitForFunction(() => location.hash.includes('run3.batchSize=25'));
    const link = await page.evaluate(() => location.hash);
    expect(link).toContain('run2.trainer=backprop');
    const again = await site.open(link);
    await waitReady(again, 3);
    expect(await again.$eval(field(2, 'batchSize'), (el) => (el as HTMLInputElement).value)).toBe('25');
    expect(await again.$eval(field(2, 'trainer'), (el) => (el as HTMLSelectElement).value)).toBe('backprop');
    expect(await again.$eval(field(1, 'learningRate'), (el) => (el as HTMLInputElement).value)).toBe('1');
    await again.close();

    // Removing run 2 renumbers run 3, which keeps its progress, and drops "run3." from the URL.
    await page.click('#step');
    await page.waitForFunction((selector) => Number(document.querySelector(`${selector} .status`)?.getAttribute('data-step')) === 1, run(2));
    await page.click(`${run(1)} .remove`);
    await page.waitForFunction(() => document.querySelectorAll('.run').length === 2 && !location.hash.includes('run3.'));
    expect(await page.$eval(field(1, 'batchSize'), (el) => (el as HTMLInputElement).value)).toBe('25');
    expect((await statusOf(page, 1)).step).toBe(1);
    const afterRemoval = await page.$$eval('figure.chart', (figures) => [...figures[0].querySelectorAll('.u-legend .u-series th')].map((th) => th.textContent!.trim()));
    expect(afterRemoval).toEqual(['step', 'run 1: train', 'run 1: test', 'run 2: train', 'run 2: test']);

    // A link of one run typed into the address bar replaces the race: one panel, one run on the charts.
    await page.evaluate(() => (location.hash = '#trainer=backprop&bits=7'));
    await page.waitForFunction(() => document.querySelectorAll('.run').length === 1);
    await waitReady(page, 1);
    expect(await page.$eval(field(0, 'bits'), (el) => (el as HTMLInputElement).value)).toBe('7');
    const single = await page.$$eval('figure.chart', (figures) => [...figures[0].querySelectorAll('.u-legend .u-series th')].map((th) => th.textContent!.trim()));
    expect(single).toEqual(['step', 'run 1: train', 'run 1: test']);
    expect(site.problems).toEqual([]);
    expect(site.refused).toEqual([]);
    await page.close();
  }, 400_000);

  it('learns the shipped MNIST subset: held-out accuracy above chance within a bounded number of steps, with no network access', async () => {
    const page = await site.open('#task=mnist&trainer=dni');
    await waitReady(page, 1);
    expect(await page.$eval(field(0, 'hidden'), (el) => (el as HTMLInputElement).value)).toBe('128');
    expect(await page.$eval(`${run(0)} svg.network`, (svg) => svg.textContent)).toContain('784 pixels');
    expect(await page.$eval(`${run(0)} svg.network`, (svg) => svg.textContent)).toContain('10 softmax');
    await recordReports(page, 0);
    await page.click('#play');
    await waitAccuracyOrStep(page, 0, MNIST_ABOVE_CHANCE, MNIST_STEP_BOUND);
    await page.click('#pause');
    const seen = await reportsOf(page, 0);
    const first = seen.find(([, accuracy]) => accuracy > MNIST_ABOVE_CHANCE);
    expect(first, JSON.stringify(seen.slice(-5))).toBeDefined();
    expect(first![0]).toBeLessThanOrEqual(MNIST_STEP_BOUND + 200);
    expect(await page.$$eval(`${run(0)} .digit canvas`, (canvases) => canvases.length)).toBe(8);
    expect(site.refused).toEqual([]);
    expect(site.problems).toEqual([]);
    await page.close();
  }, 200_000);

  it('draws each generator with arrows from exactly the generator inputs chosen, and none for backprop', async () => {
    const page = await site.open('#hidden=16,8,4&generatorInput=labels');
    await waitReady(page, 1);
    const feeds = () =>
      page.$$eval(`${run(0)} svg.network g.generator`, (generators) =>
        generators.map((g) => {
          const layer = g.getAttribute('data-layer');
          const sources = [...(g as SVGElement).ownerSVGElement!.querySelectorAll(`g.feed[data-layer="${layer}"]`)].map((f) => f.getAttribute('data-source'));
          return { layer, sees: g.getAttribute('data-sees'), sources: sources.sort() };
        }),
      );
    expect(await feeds()).toEqual(['1', '2', '3'].map((layer) => ({ layer, sees: 'labels', sources: ['labels'] })));

    await page.setChecked(`${run(0)} input[name=generatorInput][value=inputs]`, true);
    await page.setChecked(`${run(0)} input[name=generatorInput][value=batch-normalized-output]`, true);
    await page.setChecked(`${run(0)} input[name=generatorInput][value=labels]`, false);
    await page.waitForFunction((selector) => document.querySelector(`${selector} svg.network g.generator`)?.getAttribute('data-sees')?.split(',').length === 2, run(0));
    await waitReady(page, 1);
    const chosen = await page.$$eval(`${run(0)} input[name=generatorInput]:checked`, (els) => els.map((el) => (el as HTMLInputElement).value).sort());
    expect(chosen).toEqual(['batch-normalized-output', 'inputs']);
    for (const generator of await feeds()) expect(generator.sources).toEqual(chosen);
    expect(await page.$$eval(`${run(0)} svg.network [data-source=labels]`, (els) => els.length)).toBe(0);
    expect(await page.evaluate(() => location.hash)).toContain('generatorInput=batch-normalized-output%2Cinputs');

    // Generator settings only where the trainer's plugin takes generator options: dni's, not backprop's.
    expect(await page.isVisible(field(0, 'generatorLearningRate'))).toBe(true);
    await page.selectOption(field(0, 'trainer'), 'backprop');
    expect(await page.isVisible(field(0, 'generatorLearningRate'))).toBe(false);
    expect(await page.isVisible(`${run(0)} input[name=generatorInput]`)).toBe(false);
    await page.waitForFunction((selector) => document.querySelector(`${selector} svg.network`)?.getAttribute('data-trainer') === 'backprop', run(0));
    await waitReady(page, 1);
    expect(await page.isVisible(field(0, 'generatorLearningRate'))).toBe(false);
    expect(await page.$$eval(`${run(0)} svg.network g.generator`, (els) => els.length)).toBe(0);
    expect(await page.$$eval(`${run(0)} svg.network g.true-gradient`, (els) => els.length)).toBe(4);
    expect(site.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('trains an activation written as a formula; a bad or hostile one shows a clear error and breaks nothing', async () => {
    // Run 2's formula is the logistic sigmoid written out: the same seed must give run 1's (named
    // `sigmoid`) numbers. Run 3 is softsign, which no built-in is.
    const base = 'hidden=64&epochs=9&learningRate=0.05';
    const page = await site.open(`#${base}&run2.activation=${encodeURIComponent('1 / (1 + exp(-x))')}&run3.activation=${encodeURIComponent('x / (1 + abs(x))')}`);
    await waitReady(page, 3);
    await page.click('#play');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.run .status')].every((s) => s.dataset.running === 'false' && Number(s.dataset.step) === 900), undefined, {
      timeout: 180_000,
      polling: 200,
    });
    const [named, formula, softsign] = [await statusOf(page, 0), await statusOf(page, 1), await statusOf(page, 2)];
    expect(formula.accuracy).toBeCloseTo(named.accuracy, 6);
    expect(softsign.accuracy).toBeGreaterThan(ABOVE_CHANCE);

    const hostile: [string, RegExp][] = [
      ['<img src=x onerror=alert(1)>', /activation formula "<img src=x onerror=alert\(1\)>": does not parse/],
      ['import({}, {override: true})', /calls "import"; the functions allowed are/],
      ['evaluate("2 + 2")', /calls "evaluate"/],
      ['x.constructor', /only arithmetic on numbers/],
      ['y * 2', /uses "y"; only x/],
      ['sigmoidal', /unknown activation "sigmoidal"; known: .*"sigmoid"/],
      [`${'x + '.repeat(150)}x`, /is 601 characters long; at most 500 are allowed/],
    ];
    for (const [text, reason] of hostile) {
      await setField(page, 2, 'activation', text);
      // The previous formula left run 3 in error already: wait for this formula's own reason.
      await page
        .waitForFunction(
          ([selector, source]) =>
            document.querySelector(`${selector} .status`)?.getAttribute('data-error') === 'true' &&
            new RegExp(source).test(document.querySelector(`${selector} .error`)?.textContent ?? ''),
          [run(2), reason.source] as const,
          { timeout: 10_000 },
        )
        .catch(() => undefined); // on timeout, the expectation below names what was shown instead
      expect(await page.$eval(`${run(2)} .error`, (el) => el.textContent), text).toMatch(reason);
      expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
      expect(await page.$eval('#export', (a) => [a.getAttribute('aria-disabled'), a.getAttribute('title')])).toEqual(['true', expect.stringContaining('run 3: the settings do not build')]);
    }
    // The page still works: the other runs step, and a good formula brings run 3 back.
    await page.click('#reset');
    await page.click('#step');
    await page.waitForFunction((selector) => document.querySelector(`${selector} .status`)?.getAttribute('data-step') === '1', run(1));
    await setField(page, 2, 'activation', 'tanh(x)');
    await waitReady(page, 3);
    expect(await page.$eval(`${run(2)} .error`, (el) => el.textContent)).toBe('');
    expect(await page.$eval('#export', (a) => a.getAttribute('aria-disabled'))).toBeNull();
    await page.click('#step');
    await page.waitForFunction((selector) => document.querySelector(`${selector} .status`)?.getAttribute('data-step') === '1', run(2));
    expect(site.problems).toEqual([]);
    await page.close();
  }, 240_000);
});
