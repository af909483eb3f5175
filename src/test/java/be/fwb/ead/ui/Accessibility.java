package be.fwb.ead.ui;

import java.util.List;

/**
 * Checks a rendered page against the WCAG 2.1 AA rules a script can verify: a {@code lang}, one {@code h1}, a label
 * for every control, headers in every table, a name for every link and button, and a contrast ratio of at least
 * 4.5:1 (3:1 for large text) for every piece of visible text, computed from the styles the browser applied.
 */
final class Accessibility {

	private static final String CHECK = """
			const problems = [];
			const doc = document;
			if (!doc.documentElement.lang) problems.push('<html> sans attribut lang');
			const h1 = doc.querySelectorAll('h1').length;
			if (h1 !== 1) problems.push(h1 + ' titres h1');
			doc.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(el => {
			  const ok = (el.id && doc.querySelector('label[for="' + el.id + '"]')) || el.closest('label')
			    || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
			  if (!ok) problems.push('contrôle sans étiquette : ' + (el.name || el.id || el.outerHTML));
			});
			doc.querySelectorAll('table').forEach(t => {
			  if (!t.querySelector('thead th[scope=col], th')) problems.push('tableau sans en-têtes');
			});
			doc.querySelectorAll('a[href], button').forEach(el => {
			  if (!el.textContent.trim() && !el.getAttribute('aria-label')) problems.push('lien ou bouton sans nom : ' + el.outerHTML);
			});
			const rgb = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
			  const p = m[1].split(',').map(x => parseFloat(x)); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
			const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
			  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
			const background = el => { for (let e = el; e; e = e.parentElement) {
			    const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; }
			  return { r: 255, g: 255, b: 255, a: 1 }; };
			const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
			const seen = new Set();
			while (walker.nextNode()) {
			  const node = walker.currentNode; const el = node.parentElement;
			  if (!node.textContent.trim() || !el || seen.has(el)) continue;
			  seen.add(el);
			  const rect = el.getBoundingClientRect();
			  const style = getComputedStyle(el);
			  if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || style.display === 'none') continue;
			  const fg = rgb(style.color); const bg = background(el);
			  const l1 = lum(fg), l2 = lum(bg);
			  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
			  const size = parseFloat(style.fontSize); const bold = parseInt(style.fontWeight) >= 700;
			  const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
			  if (ratio < needed) problems.push('contraste ' + ratio.toFixed(2) + ' < ' + needed + ' : « ' + node.textContent.trim().slice(0, 40) + ' »');
			}
			return problems;
			""";

	private Accessibility() {
	}

	@SuppressWarnings("unchecked")
	static List<String> problems(Browser browser) {
		return (List<String>) browser.script(CHECK);
	}
}
