// ISO dates and times whatever the browser's locale (issue 19 item 6). The inputs are
// text, YYYY-MM-DD and YYYY-MM-DD HH:MM (ecrf/forms/widgets.py); typing is the quick
// path. Beside each date, a calendar button opens the browser's own date picker on a
// hidden native input, and the chosen day is written back in ISO form, keeping a typed
// time. A static file, so the strict Content-Security-Policy allows it.
"use strict";

(function () {
  var SVG = "http://www.w3.org/2000/svg";
  // A small calendar drawn here (no font has to carry an emoji for it).
  function calendarIcon() {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M4 0v2H2a1 1 0 0 0-1 1v12a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V3a1 1 0 0 0-1-1h-2V0h-1v2H5V0zM2 6h12v9H2zm2 2v2h2V8zm3 0v2h2V8zm3 0v2h2V8zm-6 3v2h2v-2zm3 0v2h2v-2z");
    svg.appendChild(path);
    return svg;
  }
  var label = document.documentElement.lang === "zh-hans" ? "选择日期" : "Choose a date";
  document.querySelectorAll("input[data-iso-input=date], input[data-iso-input=datetime]")
    .forEach(function (input) {
      if (input.disabled || input.readOnly) { return; }
      var picker = document.createElement("input");
      picker.type = "date";
      picker.className = "iso-picker";
      picker.tabIndex = -1;
      picker.setAttribute("aria-hidden", "true");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-outline-secondary btn-sm iso-calendar";
      button.setAttribute("aria-label", label + " (" + (input.labels && input.labels[0]
        ? input.labels[0].textContent.trim() : input.getAttribute("aria-label") || "") + ")");
      button.appendChild(calendarIcon());
      input.insertAdjacentElement("afterend", button);
      button.insertAdjacentElement("afterend", picker);
      button.addEventListener("click", function () {
        var typed = input.value.trim();
        var day = typed.slice(0, 10);
        if (/^\d{4}-\d{2}-\d{2}$/.test(day)) { picker.value = day; }
        if (typeof picker.showPicker === "function") {
          try { picker.showPicker(); return; } catch (error) { /* not shown: focus it */ }
        }
        picker.focus();
      });
      picker.addEventListener("change", function () {
        if (!picker.value) { return; }
        var time = input.value.trim().slice(10).trim();
        input.value = input.dataset.isoInput === "datetime"
          ? picker.value + " " + time : picker.value;
        input.dispatchEvent(new Event("input", {bubbles: true}));
        input.dispatchEvent(new Event("change", {bubbles: true}));
        input.focus();
        // A date and time without its time yet: the cursor waits where the time goes.
        if (input.dataset.isoInput === "datetime" && !time) {
          input.setSelectionRange(input.value.length, input.value.length);
        }
      });
    });
}());
