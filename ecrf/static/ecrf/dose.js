// The CiPS-BAL session form: the target dose follows the dosing weight as it is typed
// (issue 18), before the cells are entered. Without JavaScript, "Check without saving"
// shows it. A static file, so the strict Content-Security-Policy (no inline scripts)
// allows it. Target = cells per kg (the study's option) × weight, as the server shows it.
(function () {
  var box = document.getElementById("dose-target");
  if (!box) { return; }
  var weight = document.getElementById(box.dataset.weightField);
  var perKg = parseFloat(box.dataset.cellsPerKg);
  var cells = document.getElementById("dose-target-cells");
  var shownWeight = document.getElementById("dose-target-weight");
  var superscript = {"0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
    "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"};
  function scientific(value) {
    // 1.00 × 10¹⁰, as ecrf.views.sessions.scientific writes it.
    var parts = value.toExponential(2).split("e");
    var exponent = String(parseInt(parts[1], 10)).split("").map(function (c) {
      return superscript[c] || c;
    }).join("");
    return parts[0] + " × 10" + exponent;
  }
  function update() {
    var kg = parseFloat((weight.value || "").replace(",", "."));
    if (!isFinite(kg) || kg <= 0) {
      cells.textContent = "—";
      shownWeight.textContent = "—";
      return;
    }
    cells.textContent = scientific(perKg * kg);
    shownWeight.textContent = weight.value;
  }
  if (weight && isFinite(perKg)) {
    weight.addEventListener("input", update);
    update();
  }
}());
