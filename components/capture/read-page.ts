// Reads the page for a capture. Injected with chrome.scripting.executeScript({ func }), so it
// must be self-contained: no imports, no closures. The saved-pages check calls the same function
// on a fetched page parsed with DOMParser, so both hashes are taken over the same kind of text.
export interface RawPage {
  url: string;
  title: string;
  selection: string;
  text: string;
  truncated: boolean;
}

export function readPage(limit: number, parsed?: Document): RawPage {
  const doc = parsed ?? document;
  // textContent of a copy without scripts and styles: innerText would need layout, which a
  // parsed (fetched) page does not have, and the check must read the page the same way.
  const root = (doc.body ?? doc.documentElement)?.cloneNode(true) as Element | undefined;
  let text = '';
  if (root) {
    for (const el of Array.from(root.querySelectorAll('script,style,noscript,template,svg')))
      el.remove();
    // Block boundaries become line breaks, so words of two paragraphs do not run together.
    for (const el of Array.from(
      root.querySelectorAll('p,div,li,tr,td,th,h1,h2,h3,h4,h5,h6,br,section,article,header,footer'),
    ))
      el.append(doc.createTextNode('\n'));
    text = root.textContent ?? '';
  }
  text = text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  const truncated = text.length > limit;
  const selection = parsed ? '' : (window.getSelection()?.toString() ?? '');
  return {
    url: parsed ? '' : location.href,
    title: (doc.title ?? '').trim(),
    selection: selection.trim().slice(0, 20_000),
    text: truncated ? text.slice(0, limit) : text,
    truncated,
  };
}
