// Attendance screen: keys 1-4 pick the status of the focused member, arrows move between
// members. Taps and keys post one row at a time through htmx (see _attendance_row.html).
(function () {
  "use strict";
  var form = document.getElementById("att-form");
  if (!form) { return; }
  function rows() { return Array.prototype.slice.call(form.querySelectorAll(".att-row")); }
  function focusRow(row) {
    if (!row) { return; }
    var input = row.querySelector(".btn-check:checked") || row.querySelector(".btn-check");
    if (input) { input.focus(); }
  }
  form.addEventListener("keydown", function (event) {
    var row = event.target.closest(".att-row");
    if (!row || event.target.matches("input[type=text]")) { return; }
    var all = rows();
    var index = all.indexOf(row);
    if (/^[1-4]$/.test(event.key)) {
      var choice = row.querySelector('.btn-check[data-key="' + event.key + '"]');
      if (choice) {
        event.preventDefault();
        choice.checked = true;
        choice.dispatchEvent(new Event("change", { bubbles: true }));
        // htmx replaces the row; move on to the next member once it has.
        var next = all[index + 1];
        window.setTimeout(function () { focusRow(next && document.getElementById(next.id)); }, 50);
      }
    } else if (event.key === "ArrowDown" && all[index + 1]) {
      event.preventDefault(); focusRow(all[index + 1]);
    } else if (event.key === "ArrowUp" && all[index - 1]) {
      event.preventDefault(); focusRow(all[index - 1]);
    }
  });
})();
