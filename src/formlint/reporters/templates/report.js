(function () {
  "use strict";
  var panel = document.getElementById("filters");
  if (!panel) { return; }
  panel.hidden = false;
  var status = document.getElementById("filter-status");
  var template = status.getAttribute("data-template");

  function chosen(name) {
    var picked = {};
    panel.querySelectorAll("input[name='" + name + "']").forEach(function (box) {
      picked[box.value] = box.checked;
    });
    return picked;
  }

  function apply() {
    var severities = chosen("severity");
    var verdicts = chosen("verdict");
    var rows = document.querySelectorAll("tr[data-verdict]");
    var shown = 0;
    rows.forEach(function (row) {
      var visible = verdicts[row.getAttribute("data-verdict")] && severities[row.getAttribute("data-severity")];
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll("li[data-form-finding]").forEach(function (item) {
      item.hidden = !severities[item.getAttribute("data-severity")];
    });
    status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }

  panel.addEventListener("change", apply);
  document.getElementById("filter-reset").addEventListener("click", function () {
    panel.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = true; });
    apply();
  });
  apply();
}());
