// WCAG 2 contrast ratio of each visible text element in the notebook against the first opaque
// background behind it; SVG text (plotly) is measured against its figure's paper colour.
// Called with the minimum ratio; returns a line per element below it.
(minimum) => {
  const rgba = (s) => {
    const m = s.match(/[\d.]+/g) || [];
    return m.length < 3 ? null : m.map(Number).concat(m.length === 3 ? [1] : []).slice(0, 4);
  };
  const channel = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (light + 0.05) / (dark + 0.05);
  };
  const backdrop = (el) => {
    for (let node = el; node && node !== document; node = node.parentNode) {
      if (node instanceof SVGElement && node.closest(".js-plotly-plot")) {
        const paper = node.closest(".js-plotly-plot").querySelector("svg.main-svg");
        const c = rgba(getComputedStyle(paper).backgroundColor);
        if (c && c[3] > 0.5) return c;
        continue;
      }
      if (node.nodeType !== 1) continue;
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0.5) return c;
    }
    return rgba(getComputedStyle(document.body).backgroundColor);
  };
  const failures = [];
  const selector = "p, li, h1, h2, h3, h4, td, th, pre, code, span, text, a, strong, em";
  for (const el of document.querySelectorAll(`.jp-Notebook .jp-Cell :is(${selector})`)) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
    const colour = rgba(el instanceof SVGElement ? el.style.fill || style.fill : style.color);
    if (!colour || colour[3] < 0.5) continue;
    const r = ratio(colour, backdrop(el));
    if (r < minimum) failures.push(`${el.tagName} "${el.textContent.trim().slice(0, 40)}" ${r.toFixed(2)}`);
  }
  return failures;
}
