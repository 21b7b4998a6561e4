// «Проверить сохранённые страницы»: is each captured page still there, and does it still say
// what it said when it was saved? Pure: fetching and text extraction are passed in, so the
// verdicts are tested in Node and the extension supplies fetch + DOMParser.
import type { Evidence } from '../model/index.ts';
import { pageTextHash } from './page.ts';

export interface CheckTarget {
  evidenceId: string;
  title: string;
  url: string;
  contentHash: string;
}

/** Saved pages: records with an http(s) address and the hash of the text taken at capture. */
export function checkTargets(evidence: readonly Evidence[]): CheckTarget[] {
  const out: CheckTarget[] = [];
  for (const e of evidence) {
    if (!e.url || !e.contentHash || !/^https?:\/\//i.test(e.url) || !URL.canParse(e.url)) continue;
    if (e.kind !== 'web_page' && !e.capturedAt) continue;
    out.push({ evidenceId: e.id, title: e.title || e.url, url: e.url, contentHash: e.contentHash });
  }
  return out;
}

/** Match patterns for chrome.permissions.request: just the origins of these pages. */
export function originPatterns(targets: readonly CheckTarget[]): string[] {
  const origins = new Set<string>();
  for (const t of targets) origins.add(`${new URL(t.url).origin}/*`);
  return [...origins].sort();
}

export type CheckVerdict = 'unchanged' | 'changed' | 'missing' | 'unreachable';

export interface CheckResult extends CheckTarget {
  verdict: CheckVerdict;
  /** Russian: «без изменений», «изменилась», «недоступна (404)», «не открылась: …». */
  label: string;
  status: number | null;
}

export interface FetchedPage {
  status: number;
  /** The body as text (HTML). */
  body: string;
}

export interface CheckDeps {
  fetchPage: (url: string) => Promise<FetchedPage>;
  /** The page's text from its HTML, extracted exactly as at capture. */
  textOf: (html: string) => string;
}

export async function checkPage(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  let page: FetchedPage;
  try {
    page = await deps.fetchPage(target.url);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...target, verdict: 'unreachable', label: `не открылась (${why})`, status: null };
  }
  if (page.status < 200 || page.status >= 300)
    return {
      ...target,
      verdict: 'missing',
      label: `недоступна (${page.status})`,
      status: page.status,
    };
  const hash = await pageTextHash(deps.textOf(page.body));
  return hash === target.contentHash
    ? { ...target, verdict: 'unchanged', label: 'без изменений', status: page.status }
    : { ...target, verdict: 'changed', label: 'изменилась', status: page.status };
}

/** Checks every page, two at a time (a school site is slow and small), in the given order. */
export async function checkPages(
  targets: readonly CheckTarget[],
  deps: CheckDeps,
  concurrency = 2,
): Promise<CheckResult[]> {
  const results: CheckResult[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      results[i] = await checkPage(targets[i]!, deps);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return results;
}

/** «3 без изменений, 1 изменилась, 1 недоступна» for the summary line. */
export function summarize(results: readonly CheckResult[]): string {
  const count = (v: CheckVerdict) => results.filter((r) => r.verdict === v).length;
  const parts = [
    [count('unchanged'), 'без изменений'],
    [count('changed'), 'изменились'],
    [count('missing') + count('unreachable'), 'недоступны'],
  ] as const;
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, w]) => `${w}: ${n}`)
      .join(', ') || 'нет сохранённых страниц'
  );
}
