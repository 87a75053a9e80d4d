// Small behaviours of the eCRF pages. Kept in a file, not inline, so the
// Content-Security-Policy can forbid inline scripts (ecrf/settings.py).
"use strict";

// A select marked data-submit-on-change submits its form when changed (the language menu).
document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
  select.addEventListener("change", function () {
    select.form.submit();
  });
});

// Back and Save (issue 17 item 5). Each POST form carries a one-time key
// ({% submission_key %}); the server processes a key once. The key a form was submitted
// with is kept on the page's history entry: Back fetches the page again, with a fresh key
// but with what was typed restored by the browser, and its forms get back the keys they
// were submitted with, so Save answers "already saved" instead of saving twice. A form
// opened anew is a new history entry and keeps its fresh key.
(function () {
  var forms = Array.prototype.filter.call(document.forms, function (form) {
    return form.querySelector("input[data-submission-key]");
  });
  var kept = (history.state && history.state.submissionKeys) || {};
  forms.forEach(function (form, index) {
    var input = form.querySelector("input[data-submission-key]");
    if (kept[index]) {
      input.value = kept[index];
    }
    form.addEventListener("submit", function () {
      var state = Object.assign({}, history.state);
      state.submissionKeys = Object.assign({}, state.submissionKeys);
      state.submissionKeys[index] = input.value;
      history.replaceState(state, "");
    });
  });
})();
