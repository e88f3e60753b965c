/* Explorable figures (coursebook/explorable/). Every number was computed by bonelab when the
   book was built and sits in the page as JSON; this script only looks up the frame for the
   controls' setting, maps its data coordinates to the SVG (the same linear scale as the static
   figure) and rewrites the words. No model runs here and nothing is fetched. */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\d+)\}/g, function (_, i) { return values[+i]; });
  }

  function scale(p) { // [x0, x1, y0, y1, left, top, right, bottom]
    return {
      x: function (v) { return p[4] + (v - p[0]) * (p[6] - p[4]) / (p[1] - p[0]); },
      y: function (v) { return p[7] + (v - p[2]) * (p[5] - p[7]) / (p[3] - p[2]); }
    };
  }

  function path(points, s) {
    var d = "", move = true;
    for (var i = 0; i < points.length; i += 2) {
      if (points[i] === null) { move = true; i -= 1; continue; }
      d += (move ? "M" : "L") + s.x(points[i]).toFixed(1) + " " + s.y(points[i + 1]).toFixed(1);
      move = false;
    }
    return d;
  }

  function draw(el, kind, data, s, words) {
    var shown = data.length > 0 && (kind !== "text" || words !== "");
    el.style.display = shown ? "" : "none";
    if (!shown) return;
    if (kind === "line") {
      el.setAttribute("d", path(data, s));
    } else if (kind === "rect") {
      var x0 = s.x(data[0]), x1 = s.x(data[2]), y0 = s.y(data[1]), y1 = s.y(data[3]);
      el.setAttribute("x", Math.min(x0, x1).toFixed(1));
      el.setAttribute("y", Math.min(y0, y1).toFixed(1));
      el.setAttribute("width", Math.abs(x1 - x0).toFixed(1));
      el.setAttribute("height", Math.abs(y1 - y0).toFixed(1));
    } else if (kind === "dot") {
      el.setAttribute("cx", s.x(data[0]).toFixed(1));
      el.setAttribute("cy", s.y(data[1]).toFixed(1));
    } else if (kind === "text") {
      el.setAttribute("x", s.x(data[0]).toFixed(1));
      el.setAttribute("y", s.y(data[1]).toFixed(1));
      el.textContent = words;
    }
  }

  function start(box) {
    var script = box.querySelector("script.xp-data");
    if (!script) return;
    var spec = JSON.parse(script.textContent);
    var scales = {};
    Object.keys(spec.panels).forEach(function (k) { scales[k] = scale(spec.panels[k]); });
    var svg = box.querySelector("svg.xp-svg");
    var live = box.querySelector(".xp-live");
    var inputs = Array.prototype.slice.call(box.querySelectorAll(".xp-controls input"));
    var marks = spec.marks.map(function (m) {
      return { el: svg.querySelector('[data-mark="' + m[0] + '"]'), panel: m[1], kind: m[2], tpl: m[3], xs: m[4] };
    });

    function update() {
      var index = 0;
      inputs.forEach(function (input, k) {
        var step = +input.value;
        index = index * spec.sizes[k] + step;
        var text = spec.texts[k][step];
        input.setAttribute("aria-valuetext", text);
        var out = box.querySelector('output[for="' + input.id + '"]');
        if (out) out.textContent = text;
      });
      var frame = spec.frames[index], data = frame[0], values = frame[1];
      marks.forEach(function (m, i) {
        var points = data[i];
        if (m.xs.length) { // shared x values: the frame holds only the y values
          points = [];
          data[i].forEach(function (y, j) { points.push(m.xs[j], y); });
        }
        if (m.el) draw(m.el, m.kind, points, scales[m.panel], m.kind === "text" ? fill(m.tpl, values) : "");
      });
      live.textContent = fill(spec.live, values);
      box.setAttribute("data-frame", String(index));
    }

    inputs.forEach(function (input) { input.addEventListener("input", update); });
    box.querySelector(".xp-controls").hidden = false;
    box.classList.add("xp-ready");
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".explorable"), start);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
