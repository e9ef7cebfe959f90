// Progressive enhancement only: every page works without this file.
// A filter <select class="auto-submit"> submits its form when changed, so no button press is needed.
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target.matches && target.matches("select.auto-submit") && target.form) {
    // Drop empty fields so the shared URL stays short and readable.
    Array.prototype.forEach.call(target.form.elements, function (field) {
      if (field.name && field.value === "" && field.tagName !== "BUTTON") { field.disabled = true; }
    });
    target.form.submit();
  }
});

// On a phone the filter panel starts folded so the results are visible; without JS it stays open.
(function () {
  var panel = document.querySelector("details.filter-panel");
  if (panel && window.matchMedia("(max-width: 800px)").matches && !panel.querySelector(".form-errors")) {
    panel.open = false;
  }
})();
