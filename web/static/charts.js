/* bcic charts: draws every <canvas data-chart="ID"> with the Chart.js configuration held in the
   JSON block <script type="application/json" id="ID"> (the page states the numbers in a table
   beside each chart; no inline script, as the Content-Security-Policy requires). A dataset's
   `bcicNotes` hold, point by point, the note of a value another cluster's submission states
   (9.3.2 c) d)), shown under the point's tooltip as its table shows it under the table. */
(function () {
  "use strict";
  function notes(items) {
    var lines = [];
    items.forEach(function (item) {
      var noted = item.dataset.bcicNotes;
      if (noted && noted[item.dataIndex]) { lines.push(noted[item.dataIndex]); }
    });
    return lines;
  }
  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source || typeof Chart === "undefined") { return; }
    var config = JSON.parse(source.textContent);
    config.options = config.options || {};
    config.options.responsive = true;
    config.options.maintainAspectRatio = true;
    config.options.plugins = config.options.plugins || {};
    config.options.plugins.tooltip = {callbacks: {footer: notes}};
    new Chart(canvas, config);
  }
  function start() {
    var canvases = document.querySelectorAll("canvas[data-chart]");
    for (var i = 0; i < canvases.length; i += 1) { draw(canvases[i]); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
