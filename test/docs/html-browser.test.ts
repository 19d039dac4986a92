// The HTML reference in a real browser: Debian's chromium driven by playwright-core (one launch
// for the file). Opened from file:// with every request recorded; skipped without chromium.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reference } from '../../src/docs/reference-model.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';
import { fixtureArchDir, fixturesDir } from './helpers/fixture.js';

const executablePath = process.env.SYSCALLTBL_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
const title = hasChromium
  ? `the HTML reference in ${executablePath}`
  : `the HTML reference in a browser (skipped: no ${executablePath}; apt-get install chromium)`;
// A spec file name is text from the user too: the page shows it.
const HOSTILE_NAME = '<img src=x onerror=window.__pwned=4>.yaml';
const SCREENSHOT = join(repoRoot, 'docs', 'reference-screenshot.png');
// Page-side expressions as strings: this project compiles without the DOM library.
const FOCUSED_ROW = "document.activeElement?.getAttribute('data-name')";

describe.skipIf(!hasChromium)(title, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'syscalltbl-html-'));
  const requests: string[] = [];
  const errors: string[] = [];
  let context: BrowserContext;
  let page: Page;
  let ref: Reference;
  let url: string;
  let hostileUrl: string;

  const visible = () =>
    page.$$eval('#rows tr:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-name')));
  /** A fresh load (not a same-document hash change) of `target`. */
  async function open(target: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(target);
    await page.waitForSelector('html[data-ready="1"]', { timeout: 10_000 });
  }

  beforeAll(async () => {
    const html = join(tmp, 'reference.html');
    const built = runCli(['docs', '--format', 'html', '--out', html]);
    expect(built.status, built.stderr).toBe(0);
    ref = JSON.parse(runCli(['docs', '--format', 'json']).stdout) as Reference;
    url = pathToFileURL(html).href;
    copyFileSync(join(fixturesDir, 'hostile.yaml'), join(tmp, HOSTILE_NAME));
    const hostile = runCli(
      [
        'docs',
        '--format',
        'html',
        '--spec',
        HOSTILE_NAME,
        '--arch-dir',
        fixtureArchDir,
        '--out',
        'hostile.html',
      ],
      { cwd: tmp },
    );
    expect(hostile.status, hostile.stderr).toBe(0);
    hostileUrl = pathToFileURL(join(tmp, 'hostile.html')).href;

    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(
      mkdtempSync(join(tmpdir(), 'syscalltbl-chromium-')),
      {
        executablePath,
        headless: true,
        viewport: { width: 1400, height: 860 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    );
    // Record every request; let only local files through.
    await context.route('**/*', (route) => {
      const target = route.request().url();
      return target.startsWith('file:') ? route.continue() : route.abort();
    });
    context.on('request', (r) => requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('opens from file:// and requests nothing but itself', async () => {
    await open(url);
    expect(errors).toEqual([]);
    const others = requests.filter((r) => r !== 'about:blank' && r.split('#')[0] !== url);
    expect(others).toEqual([]);
    expect(requests.some((r) => r.startsWith(url))).toBe(true);
  });

  it('shows every syscall, in name order', async () => {
    const rows = await page.$$eval('#rows tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-name')),
    );
    expect(rows).toEqual(ref.syscalls.map((s) => s.name));
    expect(await visible()).toHaveLength(ref.syscalls.length);
    expect(await page.textContent('#count')).toBe(
      `Showing ${ref.syscalls.length} of ${ref.syscalls.length} system calls`,
    );
  });

  it('filters by name: "open" leaves exactly the syscalls whose names contain it', async () => {
    await page.fill('#q', 'open');
    const expected = ref.syscalls.filter((s) => s.name.includes('open')).map((s) => s.name);
    expect(expected.length).toBeGreaterThan(5);
    expect(await visible()).toEqual(expected);
    expect(new URL(page.url()).hash).toContain('q=open');
  });

  it('finds a number on the chosen ABI: 59 on x86_64 is execve', async () => {
    await page.selectOption('#abi', 'x86_64');
    await page.fill('#q', '59');
    expect(await visible()).toEqual(['execve']);
    await page.fill('#q', '0x3b');
    expect(await visible()).toEqual(['execve']);
    await page.selectOption('#abi', 'i386');
    await page.fill('#q', '59');
    expect(await visible()).toEqual(
      ref.syscalls.filter((s) => s.abis.i386?.nr === 59).map((s) => s.name),
    );
    // x32 numbers match with or without the flag bit.
    await page.selectOption('#abi', 'x32');
    await page.fill('#q', String(0x40000000 + 59));
    expect(await visible()).toEqual(
      ref.syscalls.filter((s) => s.abis.x32?.nr === 59).map((s) => s.name),
    );
  });

  it('restores the view from the URL: #abi=x86_64&q=open', async () => {
    await open(`${url}#abi=x86_64&q=open`);
    expect(await page.inputValue('#q')).toBe('open');
    expect(await page.inputValue('#abi')).toBe('x86_64');
    expect(await visible()).toEqual(
      ref.syscalls.filter((s) => s.name.includes('open')).map((s) => s.name),
    );
    // The chosen ABI's column sits next to the names.
    expect(
      await page.$$eval('#head th', (ths) =>
        ths.slice(0, 3).map((th) => th.querySelector('button')?.textContent),
      ),
    ).toEqual(['Syscall', 'Since', 'x86_64']);
  });

  it('opens the detail view from a deep link: #openat, with its registers', async () => {
    await open(`${url}#openat`);
    await page.waitForSelector('#detail:not([hidden])');
    expect(await page.textContent('#detail h2')).toBe('openat');
    const chosen = (await page.textContent('#detail .chosen')) ?? '';
    const x86 = ref.syscalls.find((s) => s.name === 'openat')?.abis.x86_64;
    expect(chosen).toContain(`On x86_64`);
    expect(chosen).toContain(`${x86?.number} (${x86?.hex})`);
    for (const arg of x86?.call.args ?? []) expect(chosen).toContain(`${arg.register} ← `);
    expect(chosen).toContain('rdi ← int dfd');
    expect(chosen).toContain('r10 ← umode_t mode');
    expect(await page.textContent('#detail')).toContain('x32');
  });

  it('works from the keyboard: / to search, arrows, Enter and Escape', async () => {
    await open(url);
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.id')).toBe('q');
    await page.keyboard.type('execve');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(FOCUSED_ROW)).toBe('execve');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(FOCUSED_ROW)).toBe('execveat');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#detail:not([hidden])');
    expect(await page.textContent('#detail h2')).toBe('execveat');
    expect(new URL(page.url()).hash).toMatch(/^#execveat&/);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#detail')).toBe(true);
    expect(await page.evaluate(FOCUSED_ROW)).toBe('execveat');
  });

  it('sorts by a column, both ways', async () => {
    await open(url);
    await page.click('#head button[data-key="x86_64"]');
    const numbered = ref.syscalls
      .filter((s) => s.abis.x86_64)
      .sort((a, b) => (a.abis.x86_64?.nr ?? 0) - (b.abis.x86_64?.nr ?? 0));
    expect((await visible()).slice(0, 3)).toEqual(numbered.slice(0, 3).map((s) => s.name));
    await page.click('#head button[data-key="x86_64"]');
    expect((await visible())[0]).toBe(numbered[numbered.length - 1]?.name);
    expect(await page.getAttribute('#head th.sel', 'aria-sort')).toBe('descending');
  });

  it('follows the system colour scheme, and the toggle overrides it', async () => {
    await open(url);
    const background = () => page.evaluate('getComputedStyle(document.body).backgroundColor');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.click('#theme');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.click('#theme');
    await page.click('#theme');
    expect(await page.getAttribute('html', 'data-theme')).toBe('auto');
  });

  it('renders hostile spec strings as text: no markup, no script', async () => {
    const before = requests.length;
    await open(`${hostileUrl}#afs_syscall`);
    await page.waitForSelector('#detail:not([hidden])');
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.$$eval('img, b', (els) => els.length)).toBe(0);
    expect(await page.$$eval('script', (els) => els.length)).toBe(2);
    expect(await page.textContent('#detail')).toContain(
      "</script><script>window.__pwned = 'reason'</script><!--",
    );
    expect(await page.textContent('header')).toContain(
      '<script>window.__pwned = "source"</script>',
    );
    expect(await page.textContent('header')).toContain(HOSTILE_NAME);
    expect(
      requests.slice(before).filter((r) => r !== 'about:blank' && !r.startsWith(hostileUrl)),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps a screenshot (docs/reference-screenshot.png with UPDATE_GOLDEN=1)', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await open(`${url}#openat&abi=x86_64&q=open`);
    const path = process.env.UPDATE_GOLDEN === '1' ? SCREENSHOT : join(tmp, 'screenshot.png');
    await page.screenshot({ path });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  });
});
