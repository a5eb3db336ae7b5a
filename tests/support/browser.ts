// The one way tests and scripts get a Chromium: Debian's package when present, else the one that ships
// inside the npm package @sparticuz/chromium (unpacked to /tmp on first use). Nothing is downloaded from
// anywhere else. LMS_CHROMIUM=npm forces the npm build (to test that path); LMS_CHROMIUM=/path picks one.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const DEBIAN = '/usr/bin/chromium';

// Keep the browser off a network this machine does not have, and quiet.
const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// @sparticuz/chromium's flags are tuned for AWS Lambda. Some would change what a page may do (web
// security), and in one process closing a page takes the whole browser down (single-process, no-zygote).
const UNWANTED_NPM_ARGS =
  /^--(disable-web-security|allow-running-insecure-content|headless|single-process|no-zygote|in-process-gpu)/;

export interface ChromiumBinary {
  executablePath: string;
  args: string[];
  source: 'debian' | 'npm' | 'env';
}

let found: Promise<ChromiumBinary> | null = null;

export function findChromium(): Promise<ChromiumBinary> {
  found ??= (async (): Promise<ChromiumBinary> => {
    const choice = process.env.LMS_CHROMIUM;
    if (choice && choice !== 'npm') return { executablePath: choice, args: QUIET_ARGS, source: 'env' };
    if (choice !== 'npm' && existsSync(DEBIAN)) return { executablePath: DEBIAN, args: QUIET_ARGS, source: 'debian' };
    return npmChromium();
  })();
  return found;
}

/** The Chromium inside the npm package @sparticuz/chromium, unpacked to /tmp on first use. */
export async function npmChromium(): Promise<ChromiumBinary> {
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath();
  const args = [...packaged.args.filter((a) => !UNWANTED_NPM_ARGS.test(a)), ...QUIET_ARGS];
  return { executablePath, args: [...new Set(args)], source: 'npm' };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const binary = await findChromium();
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: binary.executablePath,
    args: [...binary.args, ...(options.args ?? [])],
  });
}
