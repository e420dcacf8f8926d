// khronika's page script: the filter by kind and place, and the zoom. The page works
// without it (its controls stay hidden and the picture shows every event); it reads what it
// needs from the page and loads nothing. `pack` is the packing of the chart module in Rust.
(function () {
  "use strict";
  var form = document.getElementById("controls");
  if (!form) return;
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  var num = function (el, name) { return parseFloat(el.getAttribute(name)); };

  // The events: lane kind, places, main place, from the rows of the events table.
  var rows = document.querySelectorAll("table.events tr[data-event]");
  var kindOf = {}, placesOf = {}, mainOf = {};
  each(rows, function (tr) {
    var n = tr.getAttribute("data-event"), p = tr.getAttribute("data-p");
    kindOf[n] = tr.getAttribute("data-k");
    placesOf[n] = p ? p.split(" ") : [];
    mainOf[n] = tr.getAttribute("data-m");
  });
  var kindBoxes = form.querySelectorAll("input[name=k]");
  var placeBoxes = form.querySelectorAll("input[name=p]");
  var kindLabel = {}, placeName = {}, kindOn = {}, placeOn = {};
  each(kindBoxes, function (b) { kindLabel[b.value] = b.parentNode.querySelector(".kn").textContent; });
  each(placeBoxes, function (b) { placeName[b.value] = b.parentNode.querySelector(".pn").textContent; });
  function shown(n) {
    if (!kindOn[kindOf[n]]) return false;
    var ps = placesOf[n] || [];
    if (!ps.length) return !!placeOn["-1"];
    for (var i = 0; i < ps.length; i++) if (placeOn[ps[i]]) return true;
    return false;
  }

  // The picture, when there is one.
  var chart = document.getElementById("chart");
  var lanes = [], bars = [], groups = [], years = null;
  var days = 1, width = 1, pad = 0, maxZoom = 1, rowHeight = 20, cw = 6, gap = 4, labelGap = 3, start = 0;
  if (chart) {
    days = num(chart, "data-days"); width = num(chart, "data-width"); pad = num(chart, "data-pad");
    maxZoom = num(chart, "data-zoom"); rowHeight = num(chart, "data-row"); cw = num(chart, "data-cw");
    gap = num(chart, "data-gap"); labelGap = num(chart, "data-lgap");
    var ymd = chart.getAttribute("data-start").split("-");
    start = Date.UTC(+ymd[0], +ymd[1] - 1, +ymd[2]);
    each(chart.querySelectorAll("g.lane"), function (g) {
      var lane = { kind: g.getAttribute("data-k"), y: num(g, "data-y"), rows: num(g, "data-rows"), marks: [] };
      lane.count = chart.querySelector("text.lc[data-k=" + lane.kind + "]");
      each(g.querySelectorAll("a.mk"), function (a) {
        lane.marks.push({
          el: a, members: a.getAttribute("data-e").split(" "), day: num(a, "data-d"), r: num(a, "data-r"),
          tl: num(a, "data-tl"), tr: num(a, "data-tr"), single: a.hasAttribute("id"),
          circle: a.querySelector("circle"), count: a.querySelector("text.c"), label: a.querySelector("text.l"),
          text: a.querySelector("text.l").textContent, on: true
        });
      });
      lanes.push(lane);
    });
    each(chart.querySelectorAll("a.bar"), function (a) {
      var rect = a.querySelector("rect");
      bars.push({ el: a, rect: rect, n: a.getAttribute("data-e"), d: num(rect, "data-d"), l: num(rect, "data-l") });
    });
    each(chart.querySelectorAll("g.ticks"), function (g) {
      var ticks = [];
      each(g.children, function (t) { ticks.push({ el: t, d: num(t, "data-d") }); });
      groups.push({ el: g, a: num(g, "data-a"), c: num(g, "data-c"), years: g.getAttribute("data-y") === "1", ticks: ticks });
    });
    var yg = chart.querySelector("g.years");
    if (yg) {
      years = { el: yg, labels: [] };
      each(yg.children, function (t) { years.labels.push({ el: t, d: num(t, "data-d") }); });
    }
  }

  // The zoomed window: `zoom` times the whole axis, from day `from`.
  var zoom = 1, from = 0;
  var zoomInput = document.getElementById("zoom"), panInput = document.getElementById("pan");
  var windowOut = document.getElementById("window");
  var dayWidth = function () { return width * zoom / days; };
  var span = function () { return days / zoom; };
  var date = function (d) { return new Date(start + Math.round(d) * 864e5).toISOString().slice(0, 10); };
  function clampFrom() { from = Math.max(0, Math.min(from, days - span())); }
  function radius(n) { return n <= 1 ? 5.5 : Math.min(9, 6.5 + 0.8 * Math.log2(n)); }
  function title(kind, members) {
    var seen = {}, first = null, others = 0;
    members.forEach(function (n) {
      var m = mainOf[n];
      if (m === null || m === undefined || seen[m]) return;
      seen[m] = true;
      if (first === null) first = m; else others++;
    });
    var t = kindLabel[kind] || kind;
    if (first !== null) t += " · " + placeName[first] + (others ? " +" + others : "");
    return t;
  }

  // The packing of `chart.rs`: a mark goes to the first row where it fits with its label,
  // else without it, else where it fits once the label of the row's last mark is out of
  // its way (moved left of that mark where there is room, else hidden), else over the row
  // that ends first.
  function place(m, left) {
    var offset = labelGap + m.r + (left ? m.tl : m.tr);
    m.label.setAttribute("x", (left ? -offset : offset).toFixed(1));
    if (left) m.label.setAttribute("text-anchor", "end"); else m.label.removeAttribute("text-anchor");
    m.left = left;
  }
  function pack(lane, x, edge) {
    var ends = [];
    for (var r = 0; r < lane.rows; r++) ends.push({ last: null, body: -Infinity, full: -Infinity, before: -Infinity });
    lane.marks.forEach(function (m) {
      if (!m.on) { m.el.style.display = "none"; return; }
      var cx = x(m.day);
      if (cx < -600 || cx > edge + 600) { m.el.style.display = "none"; return; }
      m.el.style.display = "";
      var bl = cx - m.r - m.tl, br = cx + m.r + m.tr, w = m.text.length * cw;
      var right = br + labelGap + w <= edge;
      var fl = right ? bl : bl - labelGap - w, fr = right ? br + labelGap + w : br;
      var labelled = right || fl >= 0;
      var find = function (at, full) {
        for (var i = 0; i < ends.length; i++) if ((full ? ends[i].full : ends[i].body) + gap <= at) return i;
        return -1;
      };
      var row, label = true, hide = false;
      if (!labelled || (row = find(fl, true)) < 0) {
        label = false;
        if ((row = find(bl, true)) < 0) {
          hide = true; label = labelled;
          if (!labelled || (row = find(fl, false)) < 0) {
            label = false;
            if ((row = find(bl, false)) < 0) {
              row = 0;
              for (var i = 1; i < ends.length; i++) if (ends[i].body < ends[row].body) row = i;
            }
          }
        }
      }
      var q = ends[row].last;
      if (hide && q) {
        var ql = q.bl - labelGap - q.w;
        if (q.shown && !q.left && ql >= 0 && ql >= ends[row].before + gap) place(q, true);
        else { q.shown = false; q.label.setAttribute("display", "none"); }
      }
      m.el.setAttribute("transform", "translate(" + cx.toFixed(1) + " " + (lane.y + row * rowHeight).toFixed(1) + ")");
      place(m, !right);
      m.bl = bl; m.w = w; m.shown = label;
      if (label) m.label.removeAttribute("display"); else m.label.setAttribute("display", "none");
      ends[row] = { last: m, body: br, full: label ? fr : br, before: ends[row].full };
    });
  }

  function layout() {
    if (!chart) return;
    clampFrom();
    var dw = dayWidth(), edge = width + 2 * pad;
    var mid = function (d) { return pad + (d - from + 0.5) * dw; };
    lanes.forEach(function (lane) { pack(lane, mid, edge); });
    bars.forEach(function (b) {
      if (!b.on) return;
      b.rect.setAttribute("x", (pad + (b.d - from) * dw).toFixed(1));
      b.rect.setAttribute("width", Math.max(2, (b.l - b.d + 1) * dw).toFixed(1));
    });
    var pick = groups.length - 1;
    for (var i = 0; i < groups.length; i++) if (groups[i].a * dw >= groups[i].c) { pick = i; break; }
    groups.forEach(function (g, i) {
      if (i !== pick) { g.el.setAttribute("display", "none"); return; }
      g.el.removeAttribute("display");
      g.ticks.forEach(function (t) {
        var x = mid(t.d);
        if (x < -60 || x > edge + 60) { t.el.setAttribute("display", "none"); return; }
        t.el.removeAttribute("display");
        t.el.setAttribute("transform", "translate(" + x.toFixed(1) + " 0)");
      });
    });
    if (years) {
      if (pick >= 0 && groups[pick].years) years.el.setAttribute("display", "none");
      else {
        years.el.removeAttribute("display");
        var xs = years.labels.map(function (y) { return pad + (y.d - from) * dw; });
        years.labels.forEach(function (y, k) {
          var x = xs[k], next = k + 1 < xs.length ? xs[k + 1] : Infinity;
          if (x < pad) x = Math.min(pad, next - 40);
          y.el.setAttribute("x", x.toFixed(1));
        });
      }
    }
    if (windowOut) windowOut.textContent = date(from) + " – " + date(Math.min(days, from + span()) - 1);
  }

  function filter() {
    each(kindBoxes, function (b) { kindOn[b.value] = b.checked; });
    each(placeBoxes, function (b) { placeOn[b.value] = b.checked; });
    var total = 0, on = 0;
    each(rows, function (tr) {
      var ok = shown(tr.getAttribute("data-event"));
      tr.hidden = !ok;
      total++;
      if (ok) on++;
    });
    each(document.querySelectorAll("table.outside tr[data-e]"), function (tr) { tr.hidden = !shown(tr.getAttribute("data-e")); });
    each(document.querySelectorAll("figure.place"), function (f) { f.hidden = !placeOn[f.getAttribute("data-pl")]; });
    bars.forEach(function (b) { b.on = shown(b.n); b.el.style.display = b.on ? "" : "none"; });
    lanes.forEach(function (lane) {
      var drawn = 0;
      lane.marks.forEach(function (m) {
        var visible = m.members.filter(shown);
        drawn += visible.length;
        m.on = visible.length > 0;
        if (m.single || !m.on) return;
        m.r = radius(visible.length);
        m.circle.setAttribute("r", m.r.toFixed(2));
        if (m.count) {
          m.count.textContent = visible.length;
          if (visible.length > 1) m.count.removeAttribute("display"); else m.count.setAttribute("display", "none");
        }
        m.text = title(lane.kind, visible);
        m.label.textContent = m.text;
      });
      if (lane.count) lane.count.textContent = drawn;
    });
    var status = document.getElementById("shown");
    if (status) status.textContent = on === total ? "All " + total + " events shown." : on + " of " + total + " events shown.";
    layout();
  }

  // Sliders and drags ask for a layout at most once a frame.
  var pending = false;
  function relayout() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; layout(); });
  }

  function setZoom(z) {
    var centre = from + span() / 2;
    zoom = Math.max(1, Math.min(maxZoom, z));
    from = centre - span() / 2;
    clampFrom();
    syncPan();
    relayout();
  }
  function syncPan() {
    if (!panInput) return;
    var room = days - span();
    panInput.value = room > 0 ? Math.round(from / room * 1000) : 0;
    panInput.disabled = room <= 0;
  }
  if (zoomInput) zoomInput.addEventListener("input", function () { setZoom(Math.pow(maxZoom, zoomInput.value / 100)); });
  if (panInput) panInput.addEventListener("input", function () { from = panInput.value / 1000 * (days - span()); relayout(); });
  var fit = document.getElementById("fit");
  if (fit) fit.addEventListener("click", function () { zoomInput.value = 0; from = 0; setZoom(1); });

  // Dragging the picture moves the window; a drag is not a click on a mark.
  var drag = null, dragged = false;
  if (chart) {
    chart.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) return;
      drag = { x: e.clientX, from: from, scale: chart.getBoundingClientRect().width / chart.viewBox.baseVal.width };
      dragged = false;
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var dx = (e.clientX - drag.x) / drag.scale;
      if (Math.abs(dx) > 3) dragged = true;
      if (!dragged) return;
      from = drag.from - dx / dayWidth();
      clampFrom();
      syncPan();
      relayout();
    });
    window.addEventListener("pointerup", function () { drag = null; });
    chart.addEventListener("click", function (e) { if (dragged) { e.preventDefault(); dragged = false; } }, true);
  }

  form.addEventListener("change", function (e) { if (e.target.type === "checkbox") filter(); });
  each(form.querySelectorAll("button[data-all], button[data-none]"), function (b) {
    b.addEventListener("click", function () {
      var name = b.getAttribute("data-all") || b.getAttribute("data-none");
      var value = b.hasAttribute("data-all");
      each(form.querySelectorAll("input[name=" + name + "]"), function (i) { i.checked = value; });
      filter();
    });
  });
  syncPan();
  filter();
})();
