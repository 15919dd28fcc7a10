// Pairs of texts that print over each other inside a plotly figure: tick labels, titles, legend
// entries, annotations and marker labels. Each text is its own box turned as it is drawn (rotated
// tick labels included), shrunk by a pixel or two, and boxes are tested with separating axes.
// Returns "figure title: 'a' over 'b'" lines.
() => {
  const selector = [
    "g.xtick text", "g.ytick text", ".gtitle", ".g-xtitle text", ".g-ytitle text",
    "g.annotation text", ".legendtext", "g.textpoint text",
  ].join(", ");
  const corners = (el) => {
    const b = el.getBBox(), m = el.getScreenCTM();
    if (!m || b.width === 0 || b.height === 0) return null;
    const inset = 1.5; // touching is fine, overprinting is not
    const pts = [[b.x + inset, b.y + inset], [b.x + b.width - inset, b.y + inset],
                 [b.x + b.width - inset, b.y + b.height - inset], [b.x + inset, b.y + b.height - inset]];
    return pts.map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  const separated = (p, q) => {
    for (const poly of [p, q]) {
      for (let i = 0; i < poly.length; i++) {
        const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % poly.length];
        const axis = [y1 - y2, x2 - x1];
        const project = (pts) => pts.map(([x, y]) => x * axis[0] + y * axis[1]);
        const a = project(p), b = project(q);
        if (Math.max(...a) < Math.min(...b) || Math.max(...b) < Math.min(...a)) return true;
      }
    }
    return false;
  };
  const found = [];
  for (const plot of document.querySelectorAll(".js-plotly-plot")) {
    const title = (plot.querySelector(".gtitle") || {}).textContent || "(untitled)";
    const texts = [...plot.querySelectorAll(selector)]
      .filter((el) => el.textContent.trim() && el.getClientRects().length)
      .map((el) => ({ text: el.textContent.trim(), poly: corners(el) }))
      .filter((t) => t.poly);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (!separated(texts[i].poly, texts[j].poly)) found.push(`${title}: '${texts[i].text}' over '${texts[j].text}'`);
      }
    }
  }
  return found;
}
