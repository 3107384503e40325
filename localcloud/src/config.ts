// The local cloud's settings, all from environment variables (see the README).
import path from 'node:path';

export interface LocalCloudConfig {
  port: number;
  dataDir: string;
  /** "demo" seeds the demo village into an empty store; "none" starts empty. */
  seed: 'demo' | 'none';
  envId: string;
  appId: string;
  functionsDir: string;
  manifestFile: string;
  /** The built demo village the local cloud seeds and names identities from (LOCALCLOUD_DEMO). */
  demoFile: string;
  riskyWords: string[];
  scanWarnThreshold: number;
  maxInstances: number;
  timers: boolean;
  /** LOCALCLOUD_NOW: the instant the movable clock starts at (ISO), or null for the machine's time. */
  now: string | null;
  /** Markers that make security.mediaCheckAsync and security.imgSecCheck find a file risky. */
  riskyMedia: string[];
  /** What phonenumber.getPhoneNumber answers, by the caller's openid ("*" for everyone else). */
  phoneNumbers: Record<string, string>;
  /** The function message pushes (media check results) go to; null: the function that asked. */
  messagePushFunction: string | null;
}

/** The project root: this file is bundled to build/localcloud/, two levels below it. */
export const ROOT = path.resolve(__dirname, '..', '..');

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** An ISO instant, or null when unset; a value that is not one stops the start with a clear message. */
function instant(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new Error(`LOCALCLOUD_NOW must be an ISO instant such as 2026-11-30T16:30:00Z, not "${value}"`);
  }
  return new Date(value).toISOString();
}

export const DEFAULT_RISKY_WORDS = ['赌博', '诈骗', '代开发票', '枪支', '毒品', '办证'];

/** A media file is risky when its path or its bytes contain one of these (tests name files so). */
export const DEFAULT_RISKY_MEDIA = ['risky'];

/** The number every caller gets unless LOCALCLOUD_PHONE_NUMBERS names theirs. */
export const DEFAULT_PHONE_NUMBER = '13800138000';

function list(value: string | undefined): string[] | undefined {
  return value
    ? value
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean)
    : undefined;
}

/** "openid=number,openid=number" (or "*=number" for everyone else). */
function phones(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = { '*': DEFAULT_PHONE_NUMBER };
  for (const pair of list(value) ?? []) {
    const [openid, number] = pair.split('=').map((p) => p.trim());
    if (openid && number && /^\d{6,15}$/.test(number)) out[openid] = number;
  }
  return out;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): LocalCloudConfig {
  return {
    port: int(env.LOCALCLOUD_PORT, 3800),
    dataDir: path.resolve(env.LOCALCLOUD_DATA || path.join(ROOT, '.localcloud')),
    seed: env.LOCALCLOUD_SEED === 'none' ? 'none' : 'demo',
    envId: env.LOCALCLOUD_ENV || 'local-dev',
    appId: env.LOCALCLOUD_APPID || 'wxlocalcloud0000000',
    functionsDir: path.resolve(env.LOCALCLOUD_FUNCTIONS || path.join(ROOT, 'build', 'cloudfunctions')),
    manifestFile: path.resolve(env.LOCALCLOUD_MANIFEST || path.join(ROOT, 'build', 'database.json')),
    demoFile: path.resolve(env.LOCALCLOUD_DEMO || path.join(ROOT, 'build', 'localcloud', 'demo.js')),
    riskyWords: list(env.LOCALCLOUD_RISKY_WORDS) ?? DEFAULT_RISKY_WORDS,
    scanWarnThreshold: int(env.LOCALCLOUD_SCAN_WARN, 1000),
    maxInstances: int(env.LOCALCLOUD_MAX_INSTANCES, 8) || 1,
    timers: env.LOCALCLOUD_TIMERS !== 'off',
    now: instant(env.LOCALCLOUD_NOW),
    riskyMedia: list(env.LOCALCLOUD_RISKY_MEDIA) ?? DEFAULT_RISKY_MEDIA,
    phoneNumbers: phones(env.LOCALCLOUD_PHONE_NUMBERS),
    messagePushFunction: env.LOCALCLOUD_MESSAGE_PUSH_FUNCTION || null,
  };
}
