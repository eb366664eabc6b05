// ADM-11 results chart: data from the json_script tag, no inline script (CSP).
(function () {
  "use strict";
  var source = document.getElementById("results-chart-data");
  var canvas = document.getElementById("results-chart");
  if (!source || !canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colours = ["#6c757d", "#0d6efd", "#20c997", "#dc3545", "#ffc107"];
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.series.map(function (series, i) {
        return {
          label: series.label,
          data: series.data,
          type: i === 0 ? "line" : "bar",
          borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length],
        };
      }),
    },
    options: { responsive: true, maintainAspectRatio: false },
  });
})();
