/**
 * Clipboard writes that also work on plain-http intranet servers, where
 * navigator.clipboard does not exist (it needs a secure context).
 */

/** Copies rich HTML (with a plain-text alternative); falls back to selecting rendered HTML. */
export async function copyHtml(html: string, plain: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([plain], { type: 'text/plain' }),
        }),
      ]);
      return true;
    }
  } catch {
    /* try the fallbacks */
  }
  // The html passed here is built by escaping every value (format.ts toHtml), so rendering it is safe.
  if (execCopy((el) => (el.innerHTML = html))) return true;
  return copyText(plain);
}

/** Copies plain text. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back */
  }
  return execCopy((el) => {
    const pre = document.createElement('pre');
    pre.textContent = text;
    el.append(pre);
  });
}

function execCopy(fill: (el: HTMLElement) => void): boolean {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;white-space:pre;';
  fill(host);
  document.body.append(host);
  const sel = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(host);
  sel?.removeAllRanges();
  sel?.addRange(range);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  sel?.removeAllRanges();
  host.remove();
  return ok;
}
