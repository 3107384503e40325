// What the two steps of npm run preview share: where files go, the pages of app.json, file names,
// and the list step 1 writes and step 2 reads.
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PREVIEW_DIR = path.join(ROOT, 'preview');
export const HTML_DIR = path.join(PREVIEW_DIR, 'html');
export const PNG_DIR = path.join(PREVIEW_DIR, 'png');
export const MANIFEST = path.join(HTML_DIR, 'manifest.json');

export interface PreviewEntry {
  route: string;
  slug: string;
  /** "" for a page's only way in. */
  variant: string;
  role: string;
  roleName: string;
  mode: 'standard' | 'care';
  modeName: string;
  query: Record<string, string>;
  /** The navigation bar's title. */
  title: string;
  /** The file in HTML_DIR; its screenshot has the same name with .png, in PNG_DIR. */
  html: string;
  /** What went wrong or is worth knowing (a toast, still loading, not in 关怀模式 yet). */
  note: string;
}

export interface Manifest {
  generatedAt: string;
  entries: PreviewEntry[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every page of app.json: the main package's, then each subpackage's under its root. */
export function routesOf(app: unknown): string[] {
  if (!isRecord(app)) return [];
  const main = Array.isArray(app.pages) ? app.pages.filter((p): p is string => typeof p === 'string') : [];
  const subs: unknown = app.subpackages ?? app.subPackages ?? [];
  const routes = [...main];
  if (Array.isArray(subs)) {
    for (const s of subs) {
      if (!isRecord(s) || typeof s.root !== 'string' || !Array.isArray(s.pages)) continue;
      const root = s.root.replace(/^\/+|\/+$/g, '');
      for (const p of s.pages) if (typeof p === 'string') routes.push(`${root}/${p}`);
    }
  }
  return routes;
}

/** "packages/points/archive/archive" → "points-archive", "pages/home/home" → "home". */
export function slugOf(route: string): string {
  const parts = route.replace(/^(pages|packages)\//, '').split('/');
  return parts.filter((p, i) => p !== parts[i - 1]).join('-');
}
