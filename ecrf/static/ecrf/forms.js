// Entry forms (issue 19 item 2). A static file, so the strict Content-Security-Policy
// (no inline scripts) allows it. Without JavaScript every form still works: the error
// summary is plain links, rows are added by "Add a row" (a post that saves nothing), and
// a blank row is ignored on save.
"use strict";

(function () {
  // The error summary takes the focus, so that a screen reader reads it and Tab goes
  // from it to its first link.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  // "Remove" of a row not yet saved works only here: shown once the script runs.
  function showRemoveButtons(root) {
    root.querySelectorAll("button[data-remove-row]").forEach(function (button) {
      button.hidden = false;
    });
  }
  showRemoveButtons(document);

  // Rows of a formset added on the page: the empty row Django renders (formset.empty_form,
  // in a <template>) is copied with the next index, and TOTAL_FORMS counts it.
  document.querySelectorAll("[data-formset]").forEach(function (box) {
    var prefix = box.dataset.formset;
    var template = box.querySelector("template[data-empty-row]");
    var body = box.querySelector("tbody");
    var total = box.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var button = box.querySelector("button[data-add-row]");
    if (!template || !body || !total || !button) { return; }
    button.type = "button"; // on the page, not the post that redisplays the form
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      body.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var rows = body.querySelectorAll("tr");
      var added = rows[rows.length - 1];
      showRemoveButtons(added);
      var first = added.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
      added.dispatchEvent(new CustomEvent("ecrf:row-added", {bubbles: true}));
    });
  });

  // A row not yet saved is removed on the page: emptied and hidden, so the formset
  // ignores it (its index stays taken). A saved row is removed with its Delete box, which
  // the save then records.
  document.addEventListener("click", function (event) {
    var remove = event.target.closest("button[data-remove-row]");
    if (!remove) { return; }
    var row = remove.closest("tr");
    row.querySelectorAll("input, select, textarea").forEach(function (control) {
      if (control.type === "hidden") { return; }
      if (control.type === "checkbox" || control.type === "radio") {
        control.checked = false;
      } else {
        control.value = "";
      }
    });
    row.hidden = true;
    var next = row.parentElement.querySelector("tr:not([hidden]) input:not([type=hidden])");
    var box = row.closest("[data-formset]");
    var add = box && box.querySelector("button[data-add-row]");
    (add || next || document.body).focus();
  });

  // Leaving a form with unsaved entries asks first. Saving it does not.
  document.querySelectorAll("form[method=post]:not([data-no-unsaved-warning])")
    .forEach(function (form) {
      var changed = false;
      function mark(event) {
        if (event.target.closest("[data-no-unsaved-warning]")) { return; }
        changed = true;
      }
      form.addEventListener("input", mark);
      form.addEventListener("change", mark);
      form.addEventListener("submit", function () { changed = false; });
      window.addEventListener("beforeunload", function (event) {
        if (!changed) { return; }
        event.preventDefault();
        event.returnValue = ""; // older browsers need a value to ask
      });
    });
}());
