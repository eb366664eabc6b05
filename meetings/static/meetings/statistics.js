// Meeting compliance statistics: charts from the JSON written by json_script (no inline
// scripts: a strict Content-Security-Policy holds). Chart.js is loaded before this file.
(function () {
  "use strict";
  var source = document.getElementById("stats-chart-data");
  if (!source || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colors = ["#198754", "#ffc107", "#dc3545", "#0d6efd"];
  var percent = function (value) {
    return value.toLocaleString("vi-VN", { maximumFractionDigits: 2 }) + "%";
  };
  var percentAxis = {
    beginAtZero: true,
    max: 100,
    ticks: { callback: function (value) { return value + "%"; } },
  };
  var tooltip = {
    callbacks: {
      label: function (context) {
        return context.dataset.label + ": " + percent(context.parsed.x);
      },
    },
  };
  var buckets = document.getElementById("chart-buckets");
  if (buckets) {
    new window.Chart(buckets, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.buckets.map(function (set, i) {
          return { label: set.label, data: set.data, backgroundColor: colors[i] };
        }),
      },
      options: {
        indexAxis: "y",
        responsive: true,
        scales: { x: Object.assign({ stacked: true }, percentAxis), y: { stacked: true } },
        plugins: { tooltip: tooltip },
      },
    });
  }
  var attendance = document.getElementById("chart-attendance");
  if (attendance) {
    new window.Chart(attendance, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.attendance_label, data: data.attendance, backgroundColor: colors[3] },
        ],
      },
      options: {
        indexAxis: "y",
        responsive: true,
        scales: { x: percentAxis },
        plugins: { tooltip: tooltip },
      },
    });
  }
  var thematic = document.getElementById("chart-thematic");
  if (thematic) {
    new window.Chart(thematic, {
      type: "bar",
      data: {
        labels: data.quarters,
        datasets: [{ label: data.thematic_label, data: data.thematic, backgroundColor: colors[1] }],
      },
      options: { responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
})();
