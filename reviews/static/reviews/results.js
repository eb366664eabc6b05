// Trend chart of the review results: data from the json_script block "trend-data".
(function () {
  "use strict";
  var node = document.getElementById("trend-data");
  var canvas = document.getElementById("trend-chart");
  if (!node || !canvas || typeof Chart === "undefined") { return; }
  var data = JSON.parse(node.textContent);
  var colors = ["#198754", "#0d6efd", "#ffc107", "#dc3545"];
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.datasets.map(function (d, i) {
        return { label: d.label, data: d.data, backgroundColor: colors[i % colors.length] };
      })
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, max: 100, ticks: { callback: function (v) { return v + "%"; } } } },
      plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + String(c.parsed.y).replace(".", ",") + "%"; } } } }
    }
  });
})();
