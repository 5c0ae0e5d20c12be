"""Colour maths for the browser tests, run in the page itself: install it
with ``page.evaluate(CONTRAST_JS)``, then use ``window.__contrast``."""

# Colour maths in the page itself. A 1×1 canvas turns any CSS colour syntax the
# browser may serialise (rgb(), color(srgb …), …) into 0–255 RGBA; backgrounds
# are composited from the first opaque ancestor up to the element, as painted.
CONTRAST_JS = """
() => {
  const ctx = Object.assign(document.createElement('canvas'), {width: 1, height: 1})
      .getContext('2d', {willReadFrequently: true});
  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000'; ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3]))
      .concat([1]);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      const c = rgba(colour);
      if (colour !== 'transparent' && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    return layers.reverse().reduce((bg, layer) => over(layer, bg), [255, 255, 255, 1]);
  };
  const luminance = (c) => {
    const lin = c.slice(0, 3).map(v => v / 255)
        .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  };
  const ratio = (fg, bg) => {
    const [hi, lo] = [luminance(over(fg, bg)), luminance(bg)].sort((a, b) => b - a);
    return Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100;
  };
  window.__contrast = {rgba, background, luminance, ratio};
}
"""
