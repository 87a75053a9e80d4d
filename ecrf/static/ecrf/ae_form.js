// The adverse-event form: term filter, the chosen term's grade texts, and the SAE
// supplement shown only for a serious event. The coding form uses the term filter. A
// static file, so the strict Content-Security-Policy (no inline scripts) allows it.
(function () {
  // Term filter: narrow the grouped select to terms containing the typed text.
  var form = document.querySelector("form[data-term-select]");
  if (!form) { return; }
  var select = document.getElementById(form.dataset.termSelect);
  var filter = document.getElementById("term-filter");
  if (select && filter) {
    filter.addEventListener("input", function () {
      var needle = filter.value.trim().toLowerCase();
      select.querySelectorAll("optgroup").forEach(function (group) {
        var shown = 0;
        group.querySelectorAll("option").forEach(function (option) {
          var match = !needle || option.text.toLowerCase().indexOf(needle) !== -1
            || group.label.toLowerCase().indexOf(needle) !== -1;
          option.hidden = !match;
          if (match) { shown += 1; }
        });
        group.hidden = shown === 0;
      });
    });
  }
  // Grade texts of the chosen term; grades NCI does not define are disabled.
  var base = form.dataset.termUrl;
  function showGrades(code) {
    var rows = document.querySelectorAll("#grade-table tr[data-grade]");
    if (!code) { return; }
    fetch(base.replace("CODE", encodeURIComponent(code)), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (term) {
        if (!term) { return; }
        rows.forEach(function (row) {
          var g = row.dataset.grade, text = term.grades[g], input = row.querySelector("input");
          row.querySelector(".grade-text").textContent = text || "—";
          input.disabled = !text;
          if (!text) { input.checked = false; }
          row.classList.toggle("text-muted", !text);
        });
      });
  }
  if (select && base) {
    select.addEventListener("change", function () { showGrades(select.value); });
    // A term already chosen (a form shown again with its errors, or chosen before this
    // script ran) shows its grade texts as well.
    showGrades(select.value);
  }
  // The SAE supplement is shown only for a serious event.
  var serious = document.querySelector("input[name='serious']");
  var supplement = document.getElementById("sae-supplement");
  function toggleSupplement() { supplement.hidden = !serious.checked; }
  if (serious && supplement) { serious.addEventListener("change", toggleSupplement); toggleSupplement(); }
})();
