// Progressive enhancement only: every page works without this file.
// Filters submit only with their button: changing a select never reloads the page, so a keyboard
// or screen-reader user can move through the options and several filters before choosing.

// On a phone the filter panel starts folded so the results are visible; without JS it stays open.
(function () {
  var panel = document.querySelector("details.filter-panel");
  if (panel && window.matchMedia("(max-width: 800px)").matches && !panel.querySelector(".form-errors")) {
    panel.open = false;
  }
})();

// A printed page shows what folded sections hold (data tables under the charts).
window.addEventListener("beforeprint", function () {
  Array.prototype.forEach.call(document.querySelectorAll("details.data-table"), function (details) {
    details.open = true;
  });
});
