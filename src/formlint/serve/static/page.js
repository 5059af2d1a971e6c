(function () {
  "use strict";
  var policies = JSON.parse(document.getElementById("policies").textContent);
  var words = JSON.parse(document.getElementById("words").textContent);
  var policySelect = document.getElementById("policy");
  var purposeSelect = document.getElementById("purpose");
  var languageSelect = document.getElementById("lang");
  var fileInput = document.getElementById("file");
  var paste = document.getElementById("paste");
  var drop = document.getElementById("drop");
  var status = document.getElementById("status");
  var error = document.getElementById("error");
  var result = document.getElementById("result");
  var blobs = [];
  var answers = 0;

  function fillPurposes() {
    var fixed = [purposeSelect.options[0], purposeSelect.options[1]];
    purposeSelect.replaceChildren(fixed[0], fixed[1]);
    policies[policySelect.value].purposes.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1] + " (" + pair[0] + ")";
      purposeSelect.appendChild(option);
    });
  }

  function showError(line) {
    result.hidden = true;
    error.textContent = line;
    error.hidden = false;
  }

  function link(id, text, type, name) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    blobs.push(url);
    var anchor = document.getElementById(id);
    anchor.href = url;
    anchor.setAttribute("download", name);
  }

  function showReport(answer, name) {
    blobs.forEach(URL.revokeObjectURL);
    blobs = [];
    var stem = name.replace(/\.[^.]*$/, "") || "form";
    link("download-html", answer.report, "text/html", stem + ".formlint.html");
    link("download-json", answer.json, "application/json", stem + ".formlint.json");
    link("download-sarif", answer.sarif, "application/sarif+json", stem + ".formlint.sarif");
    document.getElementById("summary").textContent = answer.summary;
    var recognition = document.getElementById("recognition");
    recognition.textContent = answer.recognition || "";
    recognition.hidden = !answer.recognition;
    document.getElementById("report").srcdoc = answer.report;
    error.hidden = true;
    result.hidden = false;
  }

  function check(name, body) {
    var query = new URLSearchParams({name: name, policy: policySelect.value, purpose: purposeSelect.value,
                                     lang: languageSelect.value});
    status.textContent = words.checking;
    fetch("/check?" + query.toString(), {method: "POST", body: body,
                                         headers: {"Content-Type": "application/octet-stream"}})
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.ok) { showReport(answer, name); } else { showError(answer.error); }
      })
      .catch(function () { showError(words.network); })
      .finally(function () {
        answers += 1;
        status.setAttribute("data-answers", String(answers));
        status.textContent = "";
        fileInput.value = "";
      });
  }

  function pastedName(text) {
    return /^\s*[{\[]/.test(text) ? "pasted.json" : "pasted.yaml";
  }

  policySelect.addEventListener("change", fillPurposes);
  languageSelect.addEventListener("change", function () {
    window.location.search = "?lang=" + encodeURIComponent(languageSelect.value);
  });
  fileInput.addEventListener("change", function () {
    if (fileInput.files.length) { check(fileInput.files[0].name, fileInput.files[0]); }
  });
  document.getElementById("check-paste").addEventListener("click", function () {
    check(pastedName(paste.value), paste.value);
  });
  document.querySelectorAll("button.sample").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-sample");
      fetch("/samples/" + encodeURIComponent(name))
        .then(function (response) { return response.text(); })
        .then(function (text) { paste.value = text; check(name, text); })
        .catch(function () { showError(words.network); });
    });
  });
  ["dragenter", "dragover"].forEach(function (kind) {
    drop.addEventListener(kind, function (event) { event.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (kind) {
    drop.addEventListener(kind, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    var files = event.dataTransfer.files;
    if (files.length) { check(files[0].name, files[0]); }
  });
  fillPurposes();
}());
