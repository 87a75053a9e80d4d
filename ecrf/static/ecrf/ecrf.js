// Small behaviours of the eCRF pages. Kept in a file, not inline, so the
// Content-Security-Policy can forbid inline scripts (ecrf/settings.py).
"use strict";

// A select marked data-submit-on-change submits its form when changed (the language menu).
document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
  select.addEventListener("change", function () {
    select.form.submit();
  });
});
